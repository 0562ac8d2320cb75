import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { marketCallingCodes, rateCardPrices, rateCards } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ParsedRateCard } from "./parse-rate-card-csv";

/**
 * Stores a parsed card: one rate_cards row per effective date in the file, its prices below it. An `iso2` row
 * (an override) is stored under that country's own market name, which a price lookup prefers over its group.
 * With `ifAbsent` (the shipped card at start-up) an existing (currency, date, source) is left untouched;
 * otherwise its prices are replaced. An override for a country the calling-code table lacks is refused (an upload),
 * or skipped for the shipped card (KZ: Meta's table does not say how it tells +7 Kazakhstan from Russia; the
 * card's "Kazakhstan" market row is kept, but no number maps to it). Run it inside a transaction: a card is stored whole or not at all.
 */
export async function saveRateCard(
  db: Db,
  card: ParsedRateCard,
  options: { source: string; organizationId?: string | null; uploadedBy?: string | null; ifAbsent?: boolean; skipUnknownCountries?: boolean },
): Promise<{ id: string; effectiveFrom: string; prices: number }[]> {
  const countries = await countryNames(db, card);
  const byDate = new Map<string, Map<string, { market: string; category: string; priceMicros: number }>>();
  for (const row of card.rows) {
    const market = row.market ?? countries.get(row.iso2!);
    if (!market && options.skipUnknownCountries) continue;
    if (!market) throw new AppError("invalid_input", `Unknown country code ${row.iso2} (not in the calling-code table)`, [{ path: "csv", message: row.iso2! }]);
    const prices = byDate.get(row.effectiveFrom) ?? new Map();
    prices.set(`${market}\u0000${row.category}`, { market, category: row.category, priceMicros: row.priceMicros });
    byDate.set(row.effectiveFrom, prices);
  }
  const saved = [];
  for (const [effectiveFrom, prices] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const orgId = options.organizationId ?? null;
    const key = and(orgId ? eq(rateCards.organizationId, orgId) : isNull(rateCards.organizationId), eq(rateCards.currency, card.currency), eq(rateCards.effectiveFrom, effectiveFrom), eq(rateCards.source, options.source));
    const [existing] = await db.select({ id: rateCards.id }).from(rateCards).where(key);
    if (existing && options.ifAbsent) continue;
    // A re-upload replaces the card by a new row (its prices go with the old one): cards are never edited in place,
    // which is what lets find-list-price.ts keep prices per process and notice a change by count and newest row.
    if (existing) await db.delete(rateCards).where(eq(rateCards.id, existing.id));
    const [{ id }] = await db.insert(rateCards).values({ organizationId: orgId, currency: card.currency, effectiveFrom, source: options.source, uploadedBy: options.uploadedBy ?? null }).returning();
    await db.insert(rateCardPrices).values([...prices.values()].map((p) => ({ rateCardId: id, ...p })));
    saved.push({ id, effectiveFrom, prices: prices.size });
  }
  return saved;
}

async function countryNames(db: Db, card: ParsedRateCard): Promise<Map<string, string>> {
  const codes = [...new Set(card.rows.flatMap((r) => (r.iso2 ? [r.iso2] : [])))];
  if (!codes.length) return new Map();
  const rows = await db
    .selectDistinct({ iso2: marketCallingCodes.iso2, countryName: marketCallingCodes.countryName })
    .from(marketCallingCodes)
    .where(inArray(marketCallingCodes.iso2, codes));
  return new Map(rows.map((r) => [r.iso2, r.countryName]));
}
