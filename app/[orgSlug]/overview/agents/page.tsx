import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AgentsReport } from "@/components/analytics/agents-report";
import { AnalyticsTabs } from "@/components/analytics/analytics-tabs";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { analyticsRange } from "@/lib/analytics/analytics-range";
import { getAgentStats } from "@/lib/analytics/get-agent-stats";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { localDate } from "@/lib/organizations/time-zone";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("analytics.agents");
  return { title: t("title") };
}

export default async function AgentsAnalyticsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("analytics.read")) return <AccessDenied />;
  const t = await getTranslations("analytics");
  const { agents } = await getAgentStats(ctx.org.id, analyticsRange({}, ctx.org.timeZone));
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-4 px-4 py-6 md:px-8 md:py-10">
      <PageHeader title={t("agents.title")} description={t("agents.description")} />
      <AnalyticsTabs orgSlug={ctx.org.slug} current="agents" />
      <AgentsReport orgSlug={ctx.org.slug} today={localDate(new Date(), ctx.org.timeZone)} initial={{ agents }} />
    </div>
  );
}
