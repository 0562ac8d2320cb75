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

export function summarizeDurations(seconds: number[]): DurationSummary {
  return { count: seconds.length, medianSeconds: percentile(seconds, 0.5), p90Seconds: percentile(seconds, 0.9) };
}
