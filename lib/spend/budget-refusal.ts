import type { Db } from "@/db";
import { getSpendSettings } from "./get-spend-settings";
import { monthSpend } from "./month-spend";
import { microsToDecimal } from "./decimal-to-micros";

export type BudgetRefusal = { code: "budget_exhausted"; message: string };

/**
 * Why a marketing template must not go now, or null: the organization reached its monthly cap (100 %). Utility,
 * authentication and service messages still go — a cap must not stop receipts and one-time codes. Called next to
 * the contact's sendRefusal wherever templates are queued (lib/messages/queue-outbound-message.ts).
 */
export async function budgetRefusal(db: Db, organizationId: string, category: string | null | undefined, at = new Date()): Promise<BudgetRefusal | null> {
  if ((category ?? "").toLowerCase() !== "marketing") return null;
  const { currency, monthlyBudgetMicros, timeZone } = await getSpendSettings(db, organizationId);
  if (!monthlyBudgetMicros || monthlyBudgetMicros <= 0) return null;
  const spent = await monthSpend(db, organizationId, currency, at, timeZone);
  if (spent < monthlyBudgetMicros) return null;
  return {
    code: "budget_exhausted",
    message: `This month's spend (${currency} ${microsToDecimal(spent)}) reached the monthly budget of ${currency} ${microsToDecimal(monthlyBudgetMicros)}: marketing templates are paused until next month or a higher budget`,
  };
}
