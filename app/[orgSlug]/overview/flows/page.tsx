import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AnalyticsTabs } from "@/components/analytics/analytics-tabs";
import { FlowsReport } from "@/components/analytics/flows-report";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db";
import { analyticsRange } from "@/lib/analytics/analytics-range";
import { flowOutcomes } from "@/lib/analytics/flow-outcomes";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { localDate } from "@/lib/organizations/time-zone";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("analytics.flows");
  return { title: t("title") };
}

export default async function FlowsAnalyticsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("analytics.read")) return <AccessDenied />;
  const t = await getTranslations("analytics");
  const flows = await flowOutcomes(getDb(), ctx.org.id, analyticsRange({}, ctx.org.timeZone));
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-4 px-4 py-6 md:px-8 md:py-10">
      <PageHeader title={t("flows.title")} description={t("flows.description")} />
      <AnalyticsTabs orgSlug={ctx.org.slug} current="flows" />
      <FlowsReport orgSlug={ctx.org.slug} today={localDate(new Date(), ctx.org.timeZone)} initial={{ flows }} />
    </div>
  );
}
