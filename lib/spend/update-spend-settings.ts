import { getDb } from "@/db";
import { spendSettings } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { getSpendSettings, type SpendSettings } from "./get-spend-settings";

/** Sets the organization's monthly cap and/or billing currency, with its audit entry, in one transaction. */
export async function updateSpendSettings(ctx: OrgContext, input: { monthlyBudget?: number | null; currency?: string }): Promise<SpendSettings> {
  if (input.monthlyBudget === undefined && input.currency === undefined) throw new AppError("bad_request", "Nothing to change");
  return getDb().transaction(async (tx) => {
    const current = await getSpendSettings(tx, ctx.org.id);
    const next = {
      currency: input.currency ?? current.currency,
      monthlyBudgetMicros: input.monthlyBudget === undefined ? current.monthlyBudgetMicros : input.monthlyBudget,
    };
    await tx
      .insert(spendSettings)
      .values({ organizationId: ctx.org.id, ...next })
      .onConflictDoUpdate({ target: spendSettings.organizationId, set: { ...next, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "spend.settings.update", targetType: "organization", targetId: ctx.org.id, metadata: next });
    return { ...next, timeZone: current.timeZone };
  });
}
