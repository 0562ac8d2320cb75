import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { spendDaily, type MessageCost } from "@/db/schema";
import { localDaySql } from "./local-day-sql";

type Contribution = Pick<
  MessageCost,
  "organizationId" | "pricedAt" | "channelId" | "category" | "market" | "country" | "senderKind" | "chargeKind" | "currency" | "amountMicros" | "listMicros"
>;

/** A failed message counts nowhere: Meta never charges it, and it saved nothing. */
const counts = (c: Contribution | undefined): c is Contribution => !!c && c.chargeKind !== "failed";

const keyOf = (c: Contribution) => ({
  organizationId: c.organizationId,
  pricedAt: c.pricedAt.toISOString(),
  channelId: c.channelId,
  category: c.category,
  market: c.market ?? "Other",
  country: c.country ?? "",
  senderKind: c.senderKind,
  chargeKind: c.chargeKind,
  currency: c.currency,
});

/**
 * Keeps spend_daily in step with one cost record's change, in the caller's transaction: the old version's
 * contribution is taken out and the new one's put in (an unchanged record moves nothing). Rows that fall to zero
 * messages are removed, so the dashboard's group-bys never see empty buckets.
 */
export async function applySpendRollup(db: Db, before: Contribution | undefined, after: Contribution | undefined): Promise<void> {
  if (counts(before) && counts(after) && sameContribution(before, after)) return;
  if (counts(before)) await add(db, before, -1);
  if (counts(after)) await add(db, after, 1);
}

function sameContribution(a: Contribution, b: Contribution) {
  return JSON.stringify([keyOf(a), a.amountMicros, a.listMicros]) === JSON.stringify([keyOf(b), b.amountMicros, b.listMicros]);
}

async function add(db: Db, c: Contribution, sign: 1 | -1) {
  const { pricedAt, ...rest } = keyOf(c);
  // The organization's local day, computed by Postgres from its time zone: no extra round trip for the zone.
  const key = { ...rest, day: localDaySql(c.organizationId, new Date(pricedAt)) };
  await db
    .insert(spendDaily)
    .values({ ...key, messages: sign, amountMicros: sign * c.amountMicros, listMicros: sign * c.listMicros })
    .onConflictDoUpdate({
      target: [spendDaily.organizationId, spendDaily.day, spendDaily.channelId, spendDaily.category, spendDaily.market, spendDaily.country, spendDaily.senderKind, spendDaily.chargeKind, spendDaily.currency],
      set: {
        messages: sql`${spendDaily.messages} + excluded.messages`,
        amountMicros: sql`${spendDaily.amountMicros} + excluded.amount_micros`,
        listMicros: sql`${spendDaily.listMicros} + excluded.list_micros`,
      },
    });
  if (sign < 0) {
    await db
      .delete(spendDaily)
      .where(
        and(
          eq(spendDaily.organizationId, key.organizationId),
          eq(spendDaily.day, key.day),
          eq(spendDaily.channelId, key.channelId),
          eq(spendDaily.category, key.category),
          eq(spendDaily.market, key.market),
          eq(spendDaily.country, key.country),
          eq(spendDaily.senderKind, key.senderKind),
          eq(spendDaily.chargeKind, key.chargeKind),
          eq(spendDaily.currency, key.currency),
          eq(spendDaily.messages, 0),
        ),
      );
  }
}
