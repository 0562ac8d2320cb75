import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { localDate } from "@/lib/organizations/time-zone";

const day = z.iso.date();

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` (local days of the organization, [from, to)) and an optional `channelId`. */
export const analyticsQuery = z.object({ from: day.optional(), to: day.optional(), channelId: z.uuid().optional() });

export type Period = { from: string; to: string };
export type AnalyticsRange = Period & { channelId: string | null; timeZone: string; days: number; previous: Period };

const DAY_MS = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * The period an analytics page shows, in the organization's calendar: default the last 30 days including today.
 * `previous` is the period of the same length just before it (the comparison). At most 366 days.
 */
export function analyticsRange(query: z.infer<typeof analyticsQuery>, timeZone: string, now = new Date()): AnalyticsRange {
  const to = query.to ?? addDays(localDate(now, timeZone), 1);
  const from = query.from ?? addDays(to, -30);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
  if (!(days > 0 && days <= 366)) {
    throw new AppError("invalid_input", "from must be before to, at most 366 days apart", [{ path: "from", message: "from must be before to, at most 366 days apart" }]);
  }
  return { from, to, channelId: query.channelId ?? null, timeZone, days, previous: { from: addDays(from, -days), to: from } };
}

/** The instant a local day starts, as SQL (timestamptz). */
export const dayStart = (day: string, timeZone: string): SQL => sql`(${day}::date::timestamp at time zone ${timeZone})`;

/** `column` falls in the period's local days. */
export const inPeriod = (column: SQL, period: Period, timeZone: string): SQL =>
  sql`${column} >= ${dayStart(period.from, timeZone)} and ${column} < ${dayStart(period.to, timeZone)}`;

/** The local day (YYYY-MM-DD text) of a timestamptz column. */
export const localDay = (column: SQL, timeZone: string): SQL => sql`to_char(${column} at time zone ${timeZone}, 'YYYY-MM-DD')`;

/** Every day of a period, in order (the series' x axis, days with nothing included). */
export function periodDays(period: Period): string[] {
  const out: string[] = [];
  for (let d = period.from; d < period.to; d = addDays(d, 1)) out.push(d);
  return out;
}
