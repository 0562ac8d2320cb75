import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { marketCallingCodes } from "@/db/schema";

export type MarketMatch = { country: string | null; countryName: string | null; market: string };

/**
 * The Meta market of an E.164 number: the longest calling-code prefix in market_calling_codes ("1809" Dominican
 * Republic before "1" North America). No match → "Other", Meta's bucket for every country not listed.
 */
export async function findMarket(db: Db, e164: string): Promise<MarketMatch> {
  const digits = e164.replace(/\D/g, "");
  if (!digits) return { country: null, countryName: null, market: "Other" };
  const rows = await db
    .select({ country: marketCallingCodes.iso2, countryName: marketCallingCodes.countryName, market: marketCallingCodes.market, len: sql<number>`length(${marketCallingCodes.callingCode})` })
    .from(marketCallingCodes)
    .where(sql`${digits} like ${marketCallingCodes.callingCode} || '%'`)
    .orderBy(sql`length(${marketCallingCodes.callingCode}) desc`, marketCallingCodes.iso2)
    .limit(2);
  const [row, next] = rows;
  if (!row) return { country: null, countryName: null, market: "Other" };
  // "+1" is both the US and Canada: the market is known, the country is not (area codes would tell; Meta prices both alike).
  if (next && next.country !== row.country && Number(next.len) === Number(row.len)) return { country: null, countryName: null, market: row.market };
  return { country: row.country, countryName: row.countryName, market: row.market };
}
