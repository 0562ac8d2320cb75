import { z } from "zod";

/** The IANA zones this runtime knows (Intl), so a saved zone is always one Postgres and the browser can use too. */
const known = new Set(Intl.supportedValuesOf("timeZone"));
// Intl lists canonical names only; UTC is canonical in Postgres but absent from some ICU builds' list.
known.add("UTC");

export const timeZoneSchema = z.string().refine((v) => known.has(v), { message: "Unknown time zone (use an IANA name such as America/Sao_Paulo)" });

export const timeZones = (): string[] => [...known].sort();

/** The calendar day (YYYY-MM-DD) of `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
