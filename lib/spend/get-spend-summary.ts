import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, spendAlerts, spendDaily } from "@/db/schema";
import { getSpendSettings } from "./get-spend-settings";
import { localDate } from "@/lib/organizations/time-zone";
import { monthRange, monthSpend } from "./month-spend";

export type SpendRange = { from: string; to: string; granularity: "day" | "month" };
type Figures = { messages: number; amountMicros: number; savedMicros: number; paidMessages: number };
export type SpendBucket = Figures & { key: string; label?: string };

const figures = {
  messages: sql<string>`coalesce(sum(${spendDaily.messages}), 0)`,
  amountMicros: sql<string>`coalesce(sum(${spendDaily.amountMicros}), 0)`,
  savedMicros: sql<string>`coalesce(sum(${spendDaily.listMicros}) filter (where ${spendDaily.chargeKind} like 'free%'), 0)`,
  paidMessages: sql<string>`coalesce(sum(${spendDaily.messages}) filter (where ${spendDaily.chargeKind} = 'paid'), 0)`,
};
const toFigures = (r: { messages: string; amountMicros: string; savedMicros: string; paidMessages: string }): Figures => ({
  messages: Number(r.messages),
  amountMicros: Number(r.amountMicros),
  savedMicros: Number(r.savedMicros),
  paidMessages: Number(r.paidMessages),
});

/**
 * The spend dashboard for a date range [from, to) — read only from the spend_daily rollup, so its cost does not
 * grow with message history: totals, a series by day or month, and breakdowns by category, number, country,
 * sender kind and charge kind (free vs paid; the list price of free messages is what the window and free entry
 * points saved); plus today so far and the month against the budget.
 */
export async function getSpendSummary(organizationId: string, range: SpendRange, now = new Date()) {
  const db = getDb();
  const { currency, monthlyBudgetMicros, timeZone } = await getSpendSettings(db, organizationId);
  const inRange = and(eq(spendDaily.organizationId, organizationId), eq(spendDaily.currency, currency), gte(spendDaily.day, range.from), lt(spendDaily.day, range.to));
  const periodKey = range.granularity === "month" ? sql`to_char(${spendDaily.day}, 'YYYY-MM')` : sql`to_char(${spendDaily.day}, 'YYYY-MM-DD')`;
  // One scan of the range for every breakdown: GROUPING SETS, each row tagged with the set it belongs to.
  const dims = { series: periodKey, byCategory: sql`${spendDaily.category}`, byChannel: sql`${spendDaily.channelId}::text`, byCountry: sql`${spendDaily.market} || '|' || ${spendDaily.country}`, bySender: sql`${spendDaily.senderKind}`, byChargeKind: sql`${spendDaily.chargeKind}` };
  const setNames = Object.keys(dims) as (keyof typeof dims)[];
  const rows = await db
    .select({
      set: sql<string>`case ${sql.join(setNames.map((k, i) => sql`when grouping(${dims[k]}) = 0 then ${String(i)}`), sql` `)} else 'totals' end`,
      key: sql<string>`coalesce(${sql.join(setNames.map((k) => dims[k]), sql`, `)})`,
      ...figures,
    })
    .from(spendDaily)
    .where(inRange)
    .groupBy(sql`grouping sets (${sql.join(setNames.map((k) => sql`(${dims[k]})`), sql`, `)}, ())`);
  const sets = Object.fromEntries(setNames.map((k) => [k, [] as SpendBucket[]])) as Record<keyof typeof dims, SpendBucket[]>;
  let totals: Figures = { messages: 0, amountMicros: 0, savedMicros: 0, paidMessages: 0 };
  for (const r of rows) {
    if (r.set === "totals") totals = toFigures(r);
    else sets[setNames[Number(r.set)]].push({ key: String(r.key), ...toFigures(r) });
  }
  sets.series.sort((a, b) => a.key.localeCompare(b.key));
  for (const k of setNames.slice(1)) sets[k].sort((a, b) => b.amountMicros - a.amountMicros || b.messages - a.messages);
  const { series, byCategory, byChannel, byCountry, bySender, byChargeKind } = sets;
  const names = await db
    .select({ id: channels.id, name: channels.name, number: channels.displayPhoneNumber })
    .from(channels)
    .where(eq(channels.organizationId, organizationId));
  const channelName = new Map(names.map((c) => [c.id, `${c.name} (${c.number})`]));
  return {
    currency,
    range,
    totals,
    series,
    byCategory,
    byChannel: byChannel.map((b) => ({ ...b, label: channelName.get(b.key) ?? b.key })),
    byCountry: byCountry.map((b) => {
      const [market, country] = b.key.split("|");
      return { ...b, label: country ? `${market} (${country})` : market };
    }),
    bySender,
    byChargeKind,
    today: await getTodaySpend(organizationId, currency, now, timeZone),
    month: await getMonthBudget(organizationId, currency, monthlyBudgetMicros, now, timeZone),
    timeZone,
  };
}

export async function getTodaySpend(organizationId: string, currency: string, now = new Date(), timeZone = "UTC"): Promise<Figures> {
  const [row] = await getDb()
    .select(figures)
    .from(spendDaily)
    .where(and(eq(spendDaily.organizationId, organizationId), eq(spendDaily.currency, currency), eq(spendDaily.day, localDate(now, timeZone))));
  return toFigures(row);
}

async function getMonthBudget(organizationId: string, currency: string, budgetMicros: number | null, now: Date, timeZone: string) {
  const db = getDb();
  const spentMicros = await monthSpend(db, organizationId, currency, now, timeZone);
  const { month } = monthRange(now, timeZone);
  const alerts = await db
    .select({ threshold: spendAlerts.threshold, createdAt: spendAlerts.createdAt })
    .from(spendAlerts)
    .where(and(eq(spendAlerts.organizationId, organizationId), eq(spendAlerts.month, month)))
    .orderBy(asc(spendAlerts.threshold));
  return {
    month,
    spentMicros,
    budgetMicros,
    percent: budgetMicros ? Math.floor((spentMicros * 100) / budgetMicros) : null,
    alerts: alerts.map((a) => ({ threshold: a.threshold, createdAt: a.createdAt.toISOString() })),
  };
}
