import fs from "node:fs";
import path from "node:path";
import { getDb, type Db } from "@/db";
import { marketCallingCodes } from "@/db/schema";
import { parseCsv } from "./parse-csv";
import { parseRateCardCsv } from "./parse-rate-card-csv";
import { forgetCallingCodes } from "./find-market";
import { saveRateCard } from "./save-rate-card";

const DIR = "db/seed-data/rate-card";
/** Loaded in this order: the overrides name countries, so the calling-code table must be there first. */
const CARDS = ["market-rates-2026.csv", "overrides-2026.csv"];

/**
 * Loads the rate card Papo ships (Meta's published USD cards, db/seed-data/rate-card/README.md) and the calling-code
 * table, once: run at every start (server.ts) and by tests; rows already there are left as they are, so an
 * admin's uploads and later cards are never overwritten.
 */
export async function loadShippedRateCard(db: Db = getDb(), dir = path.resolve(process.cwd(), DIR)): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(marketCallingCodes).values(callingCodes(fs.readFileSync(path.join(dir, "market-calling-codes.csv"), "utf8"))).onConflictDoNothing();
    for (const file of CARDS) {
      await saveRateCard(tx, parseRateCardCsv(fs.readFileSync(path.join(dir, file), "utf8")), { source: `meta:${file}`, ifAbsent: true, skipUnknownCountries: true });
    }
  });
  forgetCallingCodes();
}

/** `1-809;1-829` → "1809", "1829"; the "All other countries" line (no code) is the Other market, used as fallback. */
function callingCodes(text: string) {
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => header.indexOf(name);
  return rows.flatMap((r) =>
    (r[col("calling_code")] ?? "")
      .split(";")
      .map((c) => c.replace(/\D/g, ""))
      .filter(Boolean)
      .map((callingCode) => ({ callingCode, iso2: r[col("iso2")], countryName: r[col("country_name")], market: r[col("market")] })),
  );
}
