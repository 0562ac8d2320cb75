import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { SpendDashboard } from "@/components/spend/spend-dashboard";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { getSpendSummary } from "@/lib/spend/get-spend-summary";
import { spendRangeQuery } from "@/lib/spend/spend-range-query";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("spend");
  return { title: t("title") };
}

export default async function SpendPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("spend.read")) return <AccessDenied />;
  const t = await getTranslations("spend");
  const initial = await getSpendSummary(ctx.org.id, spendRangeQuery.parse({}));
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-6 md:px-8 md:py-10">
      <PageHeader title={t("title")} description={t("description")} />
      <SpendDashboard orgSlug={ctx.org.slug} initial={JSON.parse(JSON.stringify(initial))} />
    </div>
  );
}
