import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { SpendSettingsForm } from "@/components/spend/spend-settings-form";
import { getDb } from "@/db";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { microsToDecimal } from "@/lib/spend/decimal-to-micros";
import { getSpendSettings } from "@/lib/spend/get-spend-settings";
import { listRateCards } from "@/lib/spend/list-rate-cards";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("spend.settings");
  return { title: t("title") };
}

export default async function SpendSettingsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("spend.read")) return <AccessDenied />;
  const t = await getTranslations("spend.settings");
  const [settings, cards] = await Promise.all([getSpendSettings(getDb(), ctx.org.id), listRateCards(ctx.org.id)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("budgetHelp")} />
      <SpendSettingsForm
        orgSlug={ctx.org.slug}
        canManage={ctx.can("spend.manage")}
        currency={settings.currency}
        budget={settings.monthlyBudgetMicros ? microsToDecimal(settings.monthlyBudgetMicros) : ""}
        cards={cards.map((c) => ({ id: c.id, currency: c.currency, effectiveFrom: c.effectiveFrom, source: c.source, prices: c.prices, shared: c.shared }))}
      />
    </>
  );
}
