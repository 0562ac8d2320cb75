import type { Db } from "@/db";
import { marketCallingCodes } from "@/db/schema";

export type MarketMatch = { country: string | null; countryName: string | null; market: string };

type CallingCode = { code: string; country: string; countryName: string; market: string };

// Meta's calling-code table is seed data (loaded at start-up by load-shipped-rate-card.ts before the server listens,
// never edited): read once per process instead of once per status webhook; loading the seed forgets the copy.
let table: Promise<CallingCode[]> | undefined;

/**
 * The Meta market of an E.164 number: the longest calling-code prefix in market_calling_codes ("1809" Dominican
 * Republic before "1" North America). No match → "Other", Meta's bucket for every country not listed.
 */
export async function findMarket(db: Db, e164: string): Promise<MarketMatch> {
  const digits = e164.replace(/\D/g, "");
  if (!digits) return { country: null, countryName: null, market: "Other" };
  const [row, next] = (await callingCodes(db)).filter((c) => digits.startsWith(c.code)).slice(0, 2);
  if (!row) return { country: null, countryName: null, market: "Other" };
  // "+1" is both the US and Canada: the market is known, the country is not (area codes would tell; Meta prices both alike).
  if (next && next.country !== row.country && next.code.length === row.code.length) return { country: null, countryName: null, market: row.market };
  return { country: row.country, countryName: row.countryName, market: row.market };
}

function callingCodes(db: Db): Promise<CallingCode[]> {
  table ??= db
    .select({ code: marketCallingCodes.callingCode, country: marketCallingCodes.iso2, countryName: marketCallingCodes.countryName, market: marketCallingCodes.market })
    .from(marketCallingCodes)
    .then((rows) => {
      // Longest prefix first, then by country: the order the lookup relies on.
      return rows.sort((a, b) => b.code.length - a.code.length || a.country.localeCompare(b.country));
    })
    .catch((e) => {
      table = undefined;
      throw e;
    });
  return table;
}

/** Called after the seed changed the table (load-shipped-rate-card.ts): the next lookup reads it again. */
export function forgetCallingCodes(): void {
  table = undefined;
}
