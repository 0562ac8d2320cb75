import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { headers } from "next/headers";
import { publicOrigin } from "@/lib/http/public-origin";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { ChannelEditForm } from "@/components/settings/channel-edit-form";
import { ChannelProviderBadge } from "@/components/settings/channel-provider-badge";
import { ChannelStatusBadge } from "@/components/settings/channel-status-badge";
import { ChannelVerificationBadge } from "@/components/settings/channel-verification-badge";
import { ChannelVerificationCard } from "@/components/settings/channel-verification-card";
import { ChannelWebhookCard } from "@/components/settings/channel-webhook-card";
import { DeleteChannelButton } from "@/components/settings/delete-channel-button";
import { EvolutionConnectionCard } from "@/components/settings/evolution-connection-card";
import { EvolutionStateBadge } from "@/components/settings/evolution-state-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { parseId } from "@/lib/api/parse-id";
import { requireOrgPage } from "@/lib/auth/page-guard";
import type { OrgContext } from "@/lib/auth/org-context";
import { toChannelView } from "@/lib/channels/channel-view";
import { getChannelOrThrow } from "@/lib/channels/get-channel-or-throw";
import { AppError } from "@/lib/errors";

type Props = { params: Promise<{ orgSlug: string; channelId: string }> };

async function loadChannel(ctx: OrgContext, channelId: string) {
  try {
    return await getChannelOrThrow(ctx.org.id, parseId(channelId, "Channel"));
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { orgSlug, channelId } = await params;
  const ctx = await requireOrgPage(orgSlug);
  if (!ctx.can("channels.read")) return {};
  const channel = await loadChannel(ctx, channelId);
  return { title: channel.name };
}

export default async function ChannelPage({ params }: Props) {
  const { orgSlug, channelId } = await params;
  const ctx = await requireOrgPage(orgSlug);
  if (!ctx.can("channels.read")) return <AccessDenied />;

  const canManage = ctx.can("channels.manage");
  const [row, origin, t] = await Promise.all([loadChannel(ctx, channelId), headers().then(publicOrigin), getTranslations("channels")]);
  const channel = toChannelView(row, { includeVerifyToken: canManage, origin });

  return (
    <>
      <Link
        href={`/${ctx.org.slug}/settings/channels`}
        className="mb-4 inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        {t("detail.back")}
      </Link>
      <PageHeader
        title={channel.name}
        description={<span className="font-mono">{channel.displayPhoneNumber}</span>}
        actions={
          <>
            <ChannelProviderBadge provider={channel.provider} />
            <ChannelStatusBadge status={channel.status} />
            {channel.evolution ? <EvolutionStateBadge state={channel.evolution.connectionState} /> : <ChannelVerificationBadge verification={channel.verification} />}
          </>
        }
      />
      <div className="grid gap-6">
        {channel.evolution ? (
          <EvolutionConnectionCard orgSlug={ctx.org.slug} channel={channel} />
        ) : (
          <>
            <ChannelVerificationCard orgSlug={ctx.org.slug} channel={channel} canManage={canManage} />
            <ChannelWebhookCard channel={channel} />
          </>
        )}
        {canManage && (
          <>
            <Card>
              <CardHeader>
                <CardTitle>
                  <h2>{t("detail.detailsTitle")}</h2>
                </CardTitle>
                <CardDescription>{t("detail.detailsDescription")}</CardDescription>
              </CardHeader>
              <CardContent>
                <ChannelEditForm orgSlug={ctx.org.slug} channel={channel} />
              </CardContent>
            </Card>
            <Card className="border-destructive/30">
              <CardHeader>
                <CardTitle>
                  <h2>{t("detail.dangerTitle")}</h2>
                </CardTitle>
                <CardDescription>{t("detail.dangerDescription")}</CardDescription>
              </CardHeader>
              <CardContent>
                <DeleteChannelButton
                  orgSlug={ctx.org.slug}
                  channelId={channel.id}
                  name={channel.name}
                  number={channel.displayPhoneNumber}
                />
              </CardContent>
            </Card>
          </>
        )}
      </div>
    </>
  );
}
