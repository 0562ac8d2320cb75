import { desc, eq, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rateCardPrices, rateCards } from "@/db/schema";

/** The installation's cards and this organization's uploads, newest effective date first, with its number of prices. */
export async function listRateCards(organizationId: string) {
  const rows = await getDb()
    .select({ id: rateCards.id, currency: rateCards.currency, effectiveFrom: rateCards.effectiveFrom, source: rateCards.source, shared: sql<boolean>`${rateCards.organizationId} is null`, createdAt: rateCards.createdAt, prices: sql<string>`count(${rateCardPrices.market})` })
    .from(rateCards)
    .leftJoin(rateCardPrices, eq(rateCardPrices.rateCardId, rateCards.id))
    .where(or(isNull(rateCards.organizationId), eq(rateCards.organizationId, organizationId)))
    .groupBy(rateCards.id)
    .orderBy(desc(rateCards.effectiveFrom), desc(rateCards.createdAt))
    .limit(200);
  return rows.map((r) => ({ ...r, prices: Number(r.prices), createdAt: r.createdAt.toISOString() }));
}
