/**
 * The p-th percentile (0..1) of `values` with linear interpolation between closest ranks — Postgres's
 * percentile_cont and spreadsheets' PERCENTILE.INC, so a reader can check a figure by hand. Null for no values.
 */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export type DurationSummary = { count: number; medianSeconds: number | null; p90Seconds: number | null };

/** Median and p90 of durations in seconds, to the millisecond (interpolation leaves float dust like 1020.0000000000001). */
export function summarizeDurations(seconds: number[]): DurationSummary {
  const ms = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
  return { count: seconds.length, medianSeconds: ms(percentile(seconds, 0.5)), p90Seconds: ms(percentile(seconds, 0.9)) };
}
