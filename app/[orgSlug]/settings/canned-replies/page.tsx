import type { Metadata } from "next";
import { MessageSquareQuoteIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { CannedRepliesTable } from "@/components/settings/canned-replies/canned-replies-table";
import { CannedReplyDialog } from "@/components/settings/canned-replies/canned-reply-dialog";
import { Card, CardContent } from "@/components/ui/card";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listCannedReplies } from "@/lib/inbox/list-canned-replies";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cannedRepliesSettings");
  return { title: t("title") };
}

export default async function CannedRepliesPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("conversations.read")) return <AccessDenied />;
  const canManage = ctx.can("canned_replies.manage");
  const [replies, t] = await Promise.all([listCannedReplies(ctx.org.id), getTranslations("cannedRepliesSettings")]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={canManage ? t("description") : t("readOnly")}
        actions={canManage ? <CannedReplyDialog orgSlug={ctx.org.slug} /> : null}
      />
      {replies.length === 0 ? (
        <EmptyState icon={<MessageSquareQuoteIcon aria-hidden="true" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="py-2">
          <CardContent className="px-2">
            <CannedRepliesTable orgSlug={ctx.org.slug} replies={replies.map(({ id, shortcut, body }) => ({ id, shortcut, body }))} canManage={canManage} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
