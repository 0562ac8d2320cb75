import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { organizations, spendSettings } from "@/db/schema";

export type SpendSettings = { currency: string; monthlyBudgetMicros: number | null; timeZone: string };

/** An organization's billing currency (USD until set), monthly cap (none until set) and the time zone its days and months are counted in. */
export async function getSpendSettings(db: Db, organizationId: string): Promise<SpendSettings> {
  const [row] = await db
    .select({ currency: spendSettings.currency, monthlyBudgetMicros: spendSettings.monthlyBudgetMicros, timeZone: organizations.timeZone })
    .from(organizations)
    .leftJoin(spendSettings, eq(spendSettings.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId));
  return { currency: row?.currency ?? "USD", monthlyBudgetMicros: row?.monthlyBudgetMicros ?? null, timeZone: row?.timeZone ?? "UTC" };
}
