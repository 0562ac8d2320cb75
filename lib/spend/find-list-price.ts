import { eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { rateCardPrices, rateCards } from "@/db/schema";
import type { MarketMatch } from "./find-market";
import type { RateCardCategory } from "./rate-card-categories";

/** The UTC calendar day a price is looked up for (Meta changes rates at the start of a quarter). */
export const pricingDay = (at: Date) => at.toISOString().slice(0, 10);

type Price = { currency: string; effectiveFrom: string; createdAt: number; market: string; category: string; priceMicros: number };

/**
 * The prices an organization sees (the installation's cards and its own uploads), kept per process: every status
 * webhook prices its message, and re-reading the cards cost a statement each time. A card is never edited in place
 * (save-rate-card.ts replaces a re-uploaded card by a new row), so the cards' count and newest creation time tell
 * whether the kept copy is current: `rateCardsVersion` reads that inside a statement the caller makes anyway.
 */
const cache = new Map<string, { version: string; prices: Price[] }>();
const MAX_ORGANIZATIONS = 500;

/** The version of the cards `organizationId` sees, as a scalar subquery to add to a select. */
export const rateCardsVersion = (organizationId: AnyPgColumn | string): SQL<string> =>
  sql<string>`(select count(*)::text || '/' || coalesce(max(rc.created_at)::text, '') from ${rateCards} rc where rc.organization_id is null or rc.organization_id = ${organizationId})`;

/** rateCardsVersion on its own (one statement), for a caller that makes no statement it could ride along. */
export async function readRateCardsVersion(db: Db, organizationId: string): Promise<string> {
  const [row] = await db.select({ v: rateCardsVersion(organizationId) }).from(sql`(select 1) as one`);
  return row.v;
}

/**
 * The list price of one message: from the latest card effective on that day that prices this category for the
 * country's own market row (a card row for "Hong Kong" beats "Rest of Asia Pacific"), else its group, else "Other".
 * The organization's own uploads count with the installation's cards; on the same date, the newest upload wins.
 * Null when no card prices it (then the message is "unpriced", never guessed). `version`: rateCardsVersion's
 * answer when the caller already read it (otherwise it costs one statement).
 */
export async function findListPrice(
  db: Db,
  args: { organizationId: string; currency: string; market: MarketMatch; category: RateCardCategory; at: Date; version?: string },
): Promise<{ market: string; priceMicros: number } | null> {
  const prices = await pricesOf(db, args.organizationId, args.version);
  const day = pricingDay(args.at);
  const candidates = [...new Set([args.market.countryName, args.market.market, "Other"].filter((m): m is string => !!m))];
  for (const market of candidates) {
    let best: Price | undefined;
    for (const p of prices) {
      if (p.market !== market || p.category !== args.category || p.currency !== args.currency || p.effectiveFrom > day) continue;
      if (!best || p.effectiveFrom > best.effectiveFrom || (p.effectiveFrom === best.effectiveFrom && p.createdAt > best.createdAt)) best = p;
    }
    if (best) return { market: best.market, priceMicros: best.priceMicros };
  }
  return null;
}

async function pricesOf(db: Db, organizationId: string, version?: string): Promise<Price[]> {
  version ??= await readRateCardsVersion(db, organizationId);
  const kept = cache.get(organizationId);
  if (kept?.version === version) return kept.prices;
  const rows = await db
    .select({
      currency: rateCards.currency,
      effectiveFrom: rateCards.effectiveFrom,
      createdAt: rateCards.createdAt,
      market: rateCardPrices.market,
      category: rateCardPrices.category,
      priceMicros: rateCardPrices.priceMicros,
    })
    .from(rateCardPrices)
    .innerJoin(rateCards, eq(rateCards.id, rateCardPrices.rateCardId))
    .where(or(isNull(rateCards.organizationId), eq(rateCards.organizationId, organizationId)));
  const prices = rows.map((r) => ({ ...r, createdAt: r.createdAt.getTime() }));
  if (cache.size >= MAX_ORGANIZATIONS) cache.clear();
  cache.set(organizationId, { version, prices });
  return prices;
}
