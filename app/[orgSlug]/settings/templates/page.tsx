import type { Metadata } from "next";
import Link from "next/link";
import { FileTextIcon, LibraryIcon, PlusIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { SyncTemplatesButton } from "@/components/templates/sync-templates-button";
import { TemplatesTable } from "@/components/templates/templates-table";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listChannels } from "@/lib/channels/list-channels";
import { listTemplates } from "@/lib/whatsapp/templates/list-templates";
import { toTemplateView } from "@/lib/whatsapp/templates/template-view";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates");
  return { title: t("title") };
}

/**
 * The organization's templates, one card per channel. Templates belong to a WhatsApp Business Account, so a channel
 * lists those of its WABA (two numbers of one WABA show the same list, as at Meta).
 */
export default async function TemplatesPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("templates.read")) return <AccessDenied />;
  const canSync = ctx.can("templates.manage");
  const [channels, rows, t] = await Promise.all([listChannels(ctx.org.id), listTemplates(ctx.org.id), getTranslations("templates")]);
  const templates = rows.map(toTemplateView);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          ctx.can("templates.write") && channels.length > 0 ? (
            <div className="flex flex-wrap gap-2">
              <Link href={`/${ctx.org.slug}/settings/templates/library`} className={buttonVariants({ variant: "outline", size: "sm" })}>
                <LibraryIcon aria-hidden="true" />
                {t("manage.library")}
              </Link>
              <Link href={`/${ctx.org.slug}/settings/templates/new`} className={buttonVariants({ size: "sm" })}>
                <PlusIcon aria-hidden="true" />
                {t("manage.new")}
              </Link>
            </div>
          ) : undefined
        }
      />
      {channels.length === 0 ? (
        <EmptyState icon={<FileTextIcon aria-hidden="true" />} title={t("noChannelsTitle")} description={t("noChannelsDescription")} />
      ) : (
        <div className="grid gap-6">
          {channels.map((channel) => {
            const mine = templates.filter((x) => x.wabaId === channel.wabaId);
            return (
              <Card key={channel.id} data-testid="templates-channel" data-channel={channel.id} aria-label={channel.name} role="region">
                <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-4">
                  <div className="grid gap-1">
                    <CardTitle>{channel.name}</CardTitle>
                    <CardDescription>
                      {channel.displayPhoneNumber} · {t("count", { count: mine.length })}
                    </CardDescription>
                  </div>
                  {canSync && <SyncTemplatesButton orgSlug={ctx.org.slug} channelId={channel.id} channelName={channel.name} />}
                </CardHeader>
                <CardContent className="px-2">
                  {mine.length === 0 ? (
                    <p className="px-4 pb-4 text-sm text-muted-foreground">{canSync ? t("emptyCanSync") : t("empty")}</p>
                  ) : (
                    <TemplatesTable orgSlug={ctx.org.slug} templates={mine} />
                  )}
                </CardContent>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
