import { and, asc, eq, gte, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, spendDaily } from "@/db/schema";
import { microsToDecimal } from "./decimal-to-micros";
import { getSpendSettings } from "./get-spend-settings";

const HEADER = ["day", "number", "category", "market", "country", "sender", "charge", "currency", "messages", "amount", "list_price_total"];

/** The rollup rows of [from, to) as CSV: amounts as decimals of the currency, cells that could start a formula quoted. */
export async function spendCsv(organizationId: string, range: { from: string; to: string }): Promise<string> {
  const db = getDb();
  const { currency } = await getSpendSettings(db, organizationId);
  const rows = await db
    .select({ row: spendDaily, number: channels.displayPhoneNumber })
    .from(spendDaily)
    .leftJoin(channels, eq(channels.id, spendDaily.channelId))
    .where(and(eq(spendDaily.organizationId, organizationId), eq(spendDaily.currency, currency), gte(spendDaily.day, range.from), lt(spendDaily.day, range.to)))
    .orderBy(asc(spendDaily.day), asc(spendDaily.category), asc(spendDaily.market))
    .limit(200_000);
  const lines = rows.map(({ row, number }) =>
    [row.day, number ?? row.channelId, row.category, row.market, row.country, row.senderKind, row.chargeKind, row.currency, row.messages, microsToDecimal(row.amountMicros), microsToDecimal(row.listMicros)]
      .map((v) => cell(String(v)))
      .join(","),
  );
  return [HEADER.join(","), ...lines].join("\r\n") + "\r\n";
}

function cell(v: string): string {
  const safe = /^[=+\-@]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
