import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AnalyticsTabs } from "@/components/analytics/analytics-tabs";
import { OverviewDashboard } from "@/components/analytics/overview-dashboard";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { analyticsRange } from "@/lib/analytics/analytics-range";
import { getOverview } from "@/lib/analytics/get-overview";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { localDate } from "@/lib/organizations/time-zone";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("analytics");
  return { title: t("title") };
}

/** Where members land after sign-in: how the team, the bots and the numbers did over a period. */
export default async function OverviewPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("analytics.read")) return <AccessDenied />;
  const t = await getTranslations("analytics");
  const initial = await getOverview(ctx.org.id, analyticsRange({}, ctx.org.timeZone), { withSpend: ctx.can("spend.read") });
  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-4 px-4 py-6 md:px-8 md:py-10">
      <PageHeader title={t("title")} description={t("description")} />
      <AnalyticsTabs orgSlug={ctx.org.slug} current="overview" />
      <OverviewDashboard orgSlug={ctx.org.slug} today={localDate(new Date(), ctx.org.timeZone)} initial={JSON.parse(JSON.stringify(initial))} />
    </div>
  );
}
