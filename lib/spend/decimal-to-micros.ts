/**
 * "0.0625" → 62 500 micro-units, by moving the decimal point in the string: money never passes through a float.
 * Accepts Meta's printed forms, including exponents ("8.0E-4" → 800). Returns null for anything else or for
 * precision finer than a micro-unit.
 */
export function decimalToMicros(text: string): number | null {
  const m = /^\s*(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,2}))?\s*$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  let digits = (m[1] ?? "") + (m[2] ?? "");
  // Position of the decimal point inside `digits`, counted from the left, after the exponent moves it.
  const point = (m[1] ?? "").length + Number(m[3] ?? 0) + 6;
  if (point < 0) return /^0*$/.test(digits) ? 0 : null;
  while (digits.length < point) digits += "0";
  const whole = digits.slice(0, point);
  const rest = digits.slice(point);
  if (/[1-9]/.test(rest)) return null;
  const micros = Number(whole || "0");
  return Number.isSafeInteger(micros) ? micros : null;
}

/** 62 500 → "0.0625" (at least two decimals): for CSV export and labels, again without floats. */
export function microsToDecimal(micros: number): string {
  const sign = micros < 0 ? "-" : "";
  const s = String(Math.abs(micros)).padStart(7, "0");
  const whole = s.slice(0, -6);
  const frac = s.slice(-6).replace(/0+$/, "").padEnd(2, "0");
  return `${sign}${whole}.${frac}`;
}
