import { sql, type SQL } from "drizzle-orm";
import type { MessageCost } from "@/db/schema";
import { localDate } from "@/lib/organizations/time-zone";

export type Contribution = Pick<
  MessageCost,
  "organizationId" | "pricedAt" | "channelId" | "category" | "market" | "country" | "senderKind" | "chargeKind" | "currency" | "amountMicros" | "listMicros"
>;

/** A failed message counts nowhere: Meta never charges it, and it saved nothing. */
export const counts = (c: Contribution | undefined | null): c is Contribution => !!c && c.chargeKind !== "failed";

// spend_daily is keyed by the organization's local day (its time zone; lib/spend/README.md "Days and time zones").
const keyOf = (c: Contribution, timeZone: string) => ({
  organizationId: c.organizationId,
  day: localDate(c.pricedAt, timeZone),
  channelId: c.channelId,
  category: c.category,
  market: c.market ?? "Other",
  country: c.country ?? "",
  senderKind: c.senderKind,
  chargeKind: c.chargeKind,
  currency: c.currency,
});

/**
 * The writes that keep spend_daily in step with one cost record's change: the old version's contribution taken
 * out, the new one's put in (an unchanged record moves nothing). They are data-modifying CTEs for the caller's one
 * statement (record-message-cost.ts), so each touches a different row: the same bucket gets one net upsert, and the
 * old bucket is either decremented or, when this was its last message, deleted — rows never sit at zero messages,
 * so the dashboard's group-bys never see empty buckets.
 */
export function spendRollupWrites(before: Contribution | undefined | null, after: Contribution | undefined | null, timeZone: string): SQL[] {
  const b = counts(before) ? before : undefined;
  const a = counts(after) ? after : undefined;
  if (a && b && JSON.stringify(keyOf(a, timeZone)) === JSON.stringify(keyOf(b, timeZone))) {
    if (a.amountMicros === b.amountMicros && a.listMicros === b.listMicros) return [];
    return [add(a, timeZone, 0, a.amountMicros - b.amountMicros, a.listMicros - b.listMicros)];
  }
  const writes: SQL[] = [];
  if (b) {
    const match = sameBucket(b, timeZone);
    writes.push(sql`delete from spend_daily where ${match} and messages <= 1`);
    writes.push(sql`update spend_daily set messages = messages - 1, amount_micros = amount_micros - ${b.amountMicros}::bigint,
      list_micros = list_micros - ${b.listMicros}::bigint where ${match} and messages > 1`);
  }
  if (a) writes.push(add(a, timeZone, 1, a.amountMicros, a.listMicros));
  return writes;
}

/** How much `at`'s month in `currency` moves with this change (what a budget check adds to the rollup it reads). */
export function monthDelta(before: Contribution | undefined | null, after: Contribution | undefined | null, currency: string, month: string, timeZone: string): number {
  const of = (c: Contribution | undefined | null) => (counts(c) && c.currency === currency && localDate(c.pricedAt, timeZone).startsWith(month) ? c.amountMicros : 0);
  return of(after) - of(before);
}

function sameBucket(c: Contribution, timeZone: string): SQL {
  const k = keyOf(c, timeZone);
  return sql`organization_id = ${k.organizationId}::uuid and day = ${k.day}::date and channel_id = ${k.channelId}::uuid and category = ${k.category}
    and market = ${k.market} and country = ${k.country} and sender_kind = ${k.senderKind} and charge_kind = ${k.chargeKind} and currency = ${k.currency}`;
}

function add(c: Contribution, timeZone: string, messages: number, amountMicros: number, listMicros: number): SQL {
  const k = keyOf(c, timeZone);
  return sql`insert into spend_daily as d (organization_id, day, channel_id, category, market, country, sender_kind, charge_kind, currency, messages, amount_micros, list_micros)
    values (${k.organizationId}::uuid, ${k.day}::date, ${k.channelId}::uuid, ${k.category}, ${k.market}, ${k.country}, ${k.senderKind}, ${k.chargeKind}, ${k.currency},
      ${messages}::int, ${amountMicros}::bigint, ${listMicros}::bigint)
    on conflict (organization_id, day, channel_id, category, market, country, sender_kind, charge_kind, currency) do update set
      messages = d.messages + excluded.messages, amount_micros = d.amount_micros + excluded.amount_micros, list_micros = d.list_micros + excluded.list_micros`;
}
