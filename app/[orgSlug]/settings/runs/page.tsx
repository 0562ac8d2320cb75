import type { Metadata } from "next";
import { ActivityIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ExternalRunsNotice } from "@/components/settings/external-runs-notice";
import { RunsFilters } from "@/components/settings/runs-filters";
import { RunsTable } from "@/components/settings/runs-table";
import { SendTestEventButton } from "@/components/settings/send-test-event-button";
import { Card, CardContent } from "@/components/ui/card";
import { inngestMode } from "@/inngest/mode";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listFunctions } from "@/lib/runs/list-functions";
import { listRuns } from "@/lib/runs/list-runs";
import { runStatuses, type RunStatus } from "@/lib/runs/run-view";

type Props = {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ functionId?: string | string[]; status?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("runs");
  return { title: t("title") };
}

export default async function RunsPage({ params, searchParams }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("runs.read")) return <AccessDenied />;
  const t = await getTranslations("runs");
  if (inngestMode() !== "embedded") {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <ExternalRunsNotice />
      </>
    );
  }

  const query = await searchParams;
  const functionId = typeof query.functionId === "string" && query.functionId ? query.functionId : undefined;
  // An unknown status in the URL shows every status rather than an error page.
  const status = runStatuses.find((s) => s === query.status) as RunStatus | undefined;
  const [firstPage, functions] = await Promise.all([listRuns(ctx.org.id, { functionId, status, limit: 50 }), listFunctions()]);
  const filtered = Boolean(functionId || status);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={ctx.can("runs.manage") ? <SendTestEventButton orgSlug={ctx.org.slug} /> : undefined}
      />
      <div className="grid gap-6">
        <RunsFilters functions={functions} />
        {firstPage.runs.length === 0 ? (
          <EmptyState
            icon={<ActivityIcon aria-hidden="true" />}
            title={filtered ? t("filteredEmptyTitle") : t("emptyTitle")}
            description={filtered ? t("filteredEmptyDescription") : t("emptyDescription")}
          />
        ) : (
          <Card className="py-2">
            <CardContent className="px-2">
              <RunsTable
                key={`${functionId}|${status}|${firstPage.runs[0].id}|${firstPage.runs[0].status}`}
                orgSlug={ctx.org.slug}
                firstPage={firstPage}
                filters={{ functionId, status }}
              />
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
