import { AppError, type FieldIssue } from "@/lib/errors";
import { decimalToMicros } from "./decimal-to-micros";
import { parseCsv } from "./parse-csv";
import { toRateCardCategory, type RateCardCategory } from "./rate-card-categories";

export type RateCardRow = { effectiveFrom: string; category: RateCardCategory; priceMicros: number } & (
  | { market: string; iso2?: undefined }
  | { iso2: string; market?: undefined }
);

export type ParsedRateCard = { currency: string; rows: RateCardRow[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads Meta's published rate-card CSV shape as Papo ships it (db/seed-data/rate-card/): a header with
 * `effective_from`, `category`, either `market` (Meta's market names, regional groups included) or `iso2` (one
 * country's own row, an override), and the price column named after the currency (`usd`, `brl`…) or `price`
 * (then `currency` must be given). Every bad line is reported (422 with `csv.<line>` paths); nothing is half-read.
 */
export function parseRateCardCsv(text: string, currencyHint?: string): ParsedRateCard {
  const [header, ...lines] = parseCsv(text.replace(/^\uFEFF/, ""));
  if (!header) throw new AppError("invalid_input", "The rate card is empty", [{ path: "csv", message: "empty" }]);
  const cols = header.map((h) => h.trim().toLowerCase());
  const at = (name: string) => cols.indexOf(name);
  const priceCol = cols.findIndex((c) => c === "price" || /^[a-z]{3}$/.test(c));
  const keyCol = at("market") >= 0 ? at("market") : at("iso2");
  const missing = [
    at("effective_from") < 0 && "effective_from",
    at("category") < 0 && "category",
    keyCol < 0 && "market or iso2",
    priceCol < 0 && "a price column (usd, brl… or price)",
  ].filter(Boolean);
  if (missing.length) throw new AppError("invalid_input", `The rate card header lacks ${missing.join(", ")}`, [{ path: "csv.1", message: "header" }]);
  const currency = (cols[priceCol] === "price" ? currencyHint : cols[priceCol])?.toUpperCase();
  if (!currency || !/^[A-Z]{3}$/.test(currency)) {
    throw new AppError("invalid_input", "Name the card's currency (a price column such as usd, or currency)", [{ path: "currency", message: "required" }]);
  }
  const byIso2 = cols[keyCol] === "iso2";
  const issues: FieldIssue[] = [];
  const rows: RateCardRow[] = [];
  lines.forEach((line, i) => {
    const path = `csv.${i + 2}`;
    const effectiveFrom = line[at("effective_from")]?.trim() ?? "";
    const category = toRateCardCategory(line[at("category")]?.trim());
    const key = line[keyCol]?.trim() ?? "";
    const raw = line[priceCol]?.trim() ?? "";
    if (!DATE.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom))) return void issues.push({ path, message: "effective_from must be YYYY-MM-DD" });
    if (!category) return void issues.push({ path, message: `unknown category "${line[at("category")]?.slice(0, 40)}"` });
    if (!key || key.length > 80) return void issues.push({ path, message: byIso2 ? "iso2 is required" : "market is required" });
    if (raw === "" || raw.toLowerCase() === "n/a") return; // a category this market's card does not price
    const priceMicros = decimalToMicros(raw);
    if (priceMicros === null) return void issues.push({ path, message: `price "${raw.slice(0, 40)}" is not a decimal amount` });
    rows.push(byIso2 ? { effectiveFrom, category, priceMicros, iso2: key.toUpperCase() } : { effectiveFrom, category, priceMicros, market: key });
  });
  if (issues.length) throw new AppError("invalid_input", `The rate card has ${issues.length} bad line(s)`, issues.slice(0, 50));
  if (!rows.length) throw new AppError("invalid_input", "The rate card has no prices", [{ path: "csv", message: "no rows" }]);
  return { currency, rows };
}
