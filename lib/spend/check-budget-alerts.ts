import { spendAlerts } from "@/db/schema";
import type { Db } from "@/db";
import { getSpendSettings } from "./get-spend-settings";
import { monthRange, monthSpend } from "./month-spend";
import { publishSpendChanged } from "./publish-spend-changed";

export const ALERT_THRESHOLDS = [80, 100] as const;

/**
 * After spend grew: stores the 80 % and 100 % alerts of `at`'s month the organization has reached (each once per
 * month: the unique index makes a second crossing, or a replayed status, a no-op) and pings its sockets.
 */
export async function checkBudgetAlerts(db: Db, organizationId: string, at: Date): Promise<number[]> {
  const settings = await getSpendSettings(db, organizationId);
  const budget = settings.monthlyBudgetMicros;
  if (!budget || budget <= 0) return [];
  const spent = await monthSpend(db, organizationId, settings.currency, at, settings.timeZone);
  const reached = ALERT_THRESHOLDS.filter((t) => spent * 100 >= budget * t);
  if (!reached.length) return [];
  const inserted = await db
    .insert(spendAlerts)
    .values(reached.map((threshold) => ({ organizationId, month: monthRange(at, settings.timeZone).month, threshold, spentMicros: spent, budgetMicros: budget })))
    .onConflictDoNothing()
    .returning({ threshold: spendAlerts.threshold });
  if (inserted.length) publishSpendChanged(organizationId, "alert");
  return inserted.map((r) => r.threshold);
}
