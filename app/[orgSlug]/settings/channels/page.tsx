import type { Metadata } from "next";
import { PhoneIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { headers } from "next/headers";
import { publicOrigin } from "@/lib/http/public-origin";
import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { AddChannelButton } from "@/components/settings/add-channel-button";
import { ChannelRoutingCard } from "@/components/settings/channel-routing-card";
import { ChannelsTable } from "@/components/settings/channels-table";
import { Card, CardContent } from "@/components/ui/card";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { toChannelView } from "@/lib/channels/channel-view";
import { listChannels } from "@/lib/channels/list-channels";
import { getChannelRouting } from "@/lib/channels/set-channel-routing";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channels");
  return { title: t("title") };
}

export default async function ChannelsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("channels.read")) return <AccessDenied />;

  const canManage = ctx.can("channels.manage");
  const [rows, routing, origin, t] = await Promise.all([listChannels(ctx.org.id), getChannelRouting(ctx.org.id), headers().then(publicOrigin), getTranslations("channels")]);
  const channels = rows.map((channel) => toChannelView(channel, { includeVerifyToken: canManage, origin }));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={canManage && <AddChannelButton href={`/${ctx.org.slug}/settings/channels/new`} />}
      />
      {channels.length === 0 ? (
        <EmptyState icon={<PhoneIcon aria-hidden="true" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <div className="grid min-w-0 gap-4">
          <Card className="py-2">
            <CardContent className="px-2">
              <ChannelsTable orgSlug={ctx.org.slug} channels={channels} />
            </CardContent>
          </Card>
          {/* The rule matters once there is a choice to make: a second number. */}
          {channels.length > 1 && <ChannelRoutingCard orgSlug={ctx.org.slug} channels={channels} proactiveChannelId={routing.proactiveChannelId} canManage={canManage} />}
        </div>
      )}
    </>
  );
}
