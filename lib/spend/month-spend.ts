import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { spendDaily } from "@/db/schema";
import { localDate } from "@/lib/organizations/time-zone";

/** The calendar month of `at` in `timeZone` (the organization's), as its first day and the next month's first day (YYYY-MM-DD). */
export function monthRange(at: Date, timeZone = "UTC"): { month: string; from: string; to: string } {
  const [y, m] = localDate(at, timeZone).split("-").map(Number);
  const from = new Date(Date.UTC(y, m - 1, 1));
  const to = new Date(Date.UTC(y, m, 1));
  return { month: from.toISOString().slice(0, 7), from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** What the organization has been charged (estimated or confirmed) in `at`'s month, from the daily rollup. */
export async function monthSpend(db: Db, organizationId: string, currency: string, at: Date, timeZone = "UTC"): Promise<number> {
  const { from, to } = monthRange(at, timeZone);
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${spendDaily.amountMicros}), 0)` })
    .from(spendDaily)
    .where(and(eq(spendDaily.organizationId, organizationId), eq(spendDaily.currency, currency), gte(spendDaily.day, from), lt(spendDaily.day, to)));
  return Number(row?.total ?? 0);
}
