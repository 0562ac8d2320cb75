import { and, desc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rateCardPrices, rateCards } from "@/db/schema";
import type { MarketMatch } from "./find-market";
import type { RateCardCategory } from "./rate-card-categories";

/** The UTC calendar day a price is looked up for (Meta changes rates at the start of a quarter). */
export const pricingDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The list price of one message: from the latest card effective on that day that prices this category for the
 * country's own market row (a card row for "Hong Kong" beats "Rest of Asia Pacific"), else its group, else "Other".
 * The organization's own uploads count with the installation's cards; on the same date, the newest upload wins.
 * Null when no card prices it (then the message is "unpriced", never guessed).
 */
export async function findListPrice(
  db: Db,
  args: { organizationId: string; currency: string; market: MarketMatch; category: RateCardCategory; at: Date },
): Promise<{ market: string; priceMicros: number } | null> {
  const candidates = [...new Set([args.market.countryName, args.market.market, "Other"].filter((m): m is string => !!m))];
  const rows = await db
    .select({ market: rateCardPrices.market, priceMicros: rateCardPrices.priceMicros })
    .from(rateCardPrices)
    .innerJoin(rateCards, eq(rateCards.id, rateCardPrices.rateCardId))
    .where(
      and(
        or(isNull(rateCards.organizationId), eq(rateCards.organizationId, args.organizationId)),
        eq(rateCards.currency, args.currency),
        lte(rateCards.effectiveFrom, pricingDay(args.at)),
        eq(rateCardPrices.category, args.category),
        inArray(rateCardPrices.market, candidates),
      ),
    )
    .orderBy(
      sql`(case ${sql.join(candidates.map((c, i) => sql`when ${rateCardPrices.market} = ${c} then ${i}`), sql` `)} end)`,
      desc(rateCards.effectiveFrom),
      desc(rateCards.createdAt),
    )
    .limit(1);
  return rows[0] ?? null;
}
