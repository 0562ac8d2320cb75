import type { Metadata } from "next";
import { ScrollTextIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import type { AuditPage } from "@/components/settings/audit-entry";
import { AuditLogTable } from "@/components/settings/audit-log-table";
import { Card, CardContent } from "@/components/ui/card";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireOrgPage } from "@/lib/auth/page-guard";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auditLog");
  return { title: t("title") };
}

export default async function AuditLogPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("audit.read")) return <AccessDenied />;

  const [{ entries, next }, t] = await Promise.all([listAuditLog(ctx.org.id, { limit: 50 }), getTranslations("auditLog")]);
  const firstPage: AuditPage = {
    entries: entries.map((entry) => ({ ...entry, metadata: entry.metadata ?? {}, createdAt: entry.createdAt.toISOString() })),
    next,
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {firstPage.entries.length === 0 ? (
        <EmptyState icon={<ScrollTextIcon aria-hidden="true" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="py-2">
          <CardContent className="px-2">
            <AuditLogTable key={firstPage.entries[0].id} orgSlug={ctx.org.slug} firstPage={firstPage} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
