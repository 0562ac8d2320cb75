import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { spendSettings } from "@/db/schema";

export type SpendSettings = { currency: string; monthlyBudgetMicros: number | null };

/** An organization's billing currency (USD until set) and monthly cap (none until set). */
export async function getSpendSettings(db: Db, organizationId: string): Promise<SpendSettings> {
  const [row] = await db
    .select({ currency: spendSettings.currency, monthlyBudgetMicros: spendSettings.monthlyBudgetMicros })
    .from(spendSettings)
    .where(eq(spendSettings.organizationId, organizationId));
  return row ?? { currency: "USD", monthlyBudgetMicros: null };
}
