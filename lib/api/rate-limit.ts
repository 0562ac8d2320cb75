import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { AppError } from "@/lib/errors";

export type RateLimitPolicy = { limit: number; windowSeconds: number };
export type RateLimitState = { limited: boolean; limit: number; remaining: number; resetSeconds: number; retryAfter: number };

/**
 * A sliding-window counter kept in PostgreSQL, so every process counts the same requests: one row per key and fixed
 * window, and the estimate is `previous window × the share of it still inside the sliding window + this window`.
 * One statement counts the request and reads both windows (no read-then-write race between processes).
 */
export async function hitRateLimit(key: string, policy: RateLimitPolicy): Promise<RateLimitState> {
  const w = policy.windowSeconds;
  const res = (await getDb().execute(sql`
    with cur as (
      insert into rate_limit_windows (key, window_start, hits)
      values (${key}, to_timestamp(floor(extract(epoch from now()) / ${w}) * ${w}), 1)
      on conflict (key, window_start) do update set hits = rate_limit_windows.hits + 1
      returning hits, window_start
    )
    select cur.hits::int as hits, extract(epoch from now() - cur.window_start)::float8 as elapsed,
      coalesce((select p.hits from rate_limit_windows p where p.key = ${key} and p.window_start = cur.window_start - make_interval(secs => ${w})), 0)::int as prev
    from cur`)) as unknown;
  // postgres.js returns the rows, PGlite `{ rows }`.
  const [row] = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { hits: number; elapsed: number; prev: number }[];
  const hits = Number(row.hits);
  const prev = Number(row.prev);
  const elapsed = Number(row.elapsed);
  const estimate = prev * Math.max(0, 1 - elapsed / w) + hits;
  const limited = estimate > policy.limit;
  if (Math.random() < 0.01) void pruneOldWindows(w).catch(() => undefined);
  return {
    limited,
    limit: policy.limit,
    remaining: Math.max(0, Math.floor(policy.limit - estimate)),
    resetSeconds: Math.max(1, Math.ceil(w - elapsed)),
    retryAfter: limited ? retryAfterSeconds(policy.limit, hits, prev, elapsed, w) : 0,
  };
}

/** When the estimate will have room for one more request: at the next window if this one is full, sooner when the old one fades. */
function retryAfterSeconds(limit: number, hits: number, prev: number, elapsed: number, w: number): number {
  if (hits >= limit || prev === 0) return Math.max(1, Math.ceil(w - elapsed));
  const fadedAt = w * (1 - (limit - hits) / prev);
  return Math.max(1, Math.ceil(fadedAt - elapsed));
}

async function pruneOldWindows(windowSeconds: number): Promise<void> {
  await getDb().execute(sql`delete from rate_limit_windows where window_start < now() - make_interval(secs => ${windowSeconds * 2})`);
}

/** The IETF draft's `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`, plus `Retry-After` on a 429. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
  };
  if (state.limited) headers["Retry-After"] = String(state.retryAfter);
  return headers;
}

export class RateLimitedError extends AppError {
  constructor(readonly state: RateLimitState) {
    super("rate_limited", `Too many requests: try again in ${state.retryAfter} seconds`);
  }
}
