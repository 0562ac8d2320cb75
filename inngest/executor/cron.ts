/**
 * Five-field cron ("m h dom mon dow") with `*`, lists, ranges and steps, optionally prefixed with
 * "TZ=Area/City". Enough for Inngest cron triggers; seconds fields and L/W/# are rejected at registration.
 */
const RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

export type Cron = { tz?: string; fields: Set<number>[]; domStar: boolean; dowStar: boolean };

export function parseCron(expr: string): Cron {
  let text = expr.trim();
  let tz: string | undefined;
  const tzMatch = text.match(/^(?:CRON_)?TZ=(\S+)\s+(.*)$/);
  if (tzMatch) {
    tz = tzMatch[1];
    text = tzMatch[2];
    new Intl.DateTimeFormat("en-US", { timeZone: tz }); // throws on an unknown zone
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new Error(`Cron "${expr}": only five-field expressions are supported`);
  const fields = parts.map((p, i) => parseField(p, RANGES[i], expr));
  if (fields[4].has(7)) fields[4].add(0);
  return { tz, fields, domStar: parts[2] === "*", dowStar: parts[4] === "*" };
}

function parseField(field: string, [lo, hi]: [number, number], expr: string): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const m = part.match(/^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/);
    if (!m) throw new Error(`Cron "${expr}": unsupported field "${field}"`);
    const step = m[2] ? Number(m[2]) : 1;
    const [from, end] = m[1] === "*" ? [lo, hi] : m[1].split("-").map(Number);
    const to = end ?? (m[2] ? hi : from); // "5/10" = from 5 to the end, every 10
    if (from < lo || to > hi || from > to || step < 1) throw new Error(`Cron "${expr}": "${field}" is out of range`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

function fieldsAt(ms: number, tz?: string): number[] {
  const d = new Date(ms);
  if (!tz) return [d.getUTCMinutes(), d.getUTCHours(), d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCDay()];
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    minute: "numeric",
    hour: "numeric",
    day: "numeric",
    month: "numeric",
    weekday: "short",
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const dow = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"));
  return [Number(get("minute")), Number(get("hour")), Number(get("day")), Number(get("month")), dow];
}

export function cronMatches(cron: Cron, minuteMs: number): boolean {
  const [mi, h, dom, mon, dow] = fieldsAt(minuteMs, cron.tz);
  const f = cron.fields;
  if (!f[0].has(mi) || !f[1].has(h) || !f[3].has(mon)) return false;
  // Classic cron: when both day fields are restricted, either one matching is enough.
  if (!cron.domStar && !cron.dowStar) return f[2].has(dom) || f[4].has(dow);
  return f[2].has(dom) && f[4].has(dow);
}

/** The latest tick in (after, upTo], looking back at most one day, or undefined. */
export function latestTick(cron: Cron, after: number, upTo: number): number | undefined {
  const floor = Math.max(after, upTo - 86_400_000);
  for (let m = Math.floor(upTo / 60_000) * 60_000; m > floor; m -= 60_000) if (cronMatches(cron, m)) return m;
  return undefined;
}
