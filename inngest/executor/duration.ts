const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses the SDK's time strings ("30s", "1h30m", "3d") to ms. Returns undefined if it is not one. */
export function parseDuration(text: string): number | undefined {
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text.trim()) return undefined;
  return parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]], 0);
}

/** A Sleep op's name is a duration ("1h") for step.sleep or an ISO date for step.sleepUntil. */
export function wakeTime(name: string, now: number): number {
  const ms = parseDuration(name);
  if (ms !== undefined) return now + ms;
  const at = Date.parse(name);
  if (Number.isNaN(at)) throw new Error(`Cannot read the sleep time "${name}"`);
  return at;
}
