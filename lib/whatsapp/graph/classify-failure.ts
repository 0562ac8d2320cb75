import { GraphApiError, type RetryPolicy } from "./graph-error";

/** Clear rejections that are worth retrying after a wait (throughput, rate limits, maintenance, transient). */
const retryAfterWait: Record<number, (attempt: number) => number> = {
  130429: (n) => capped(1_000, n, 60_000), // number throughput (mps): back off quickly, in seconds
  131056: (n) => capped(6_000, n, 10 * 60_000), // pair rate: ~1 message per 6 s to one user
  131057: () => 60_000, // account maintenance (throughput upgrade), about a minute
  4: (n) => capped(60_000, n, 15 * 60_000), // app-level Graph rate limit
  80007: (n) => capped(60_000, n, 15 * 60_000), // WABA rate limit
  131016: (n) => capped(5_000, n, 5 * 60_000), // service unavailable
  131000: (n) => capped(5_000, n, 5 * 60_000), // unknown
  1: (n) => capped(5_000, n, 5 * 60_000),
  2: (n) => capped(5_000, n, 5 * 60_000),
};

/**
 * The retry policy for an error answer from Graph. A 5xx is ambiguous whatever its body says (Meta may have
 * accepted the message before failing); a 4xx/429 is a clear rejection: safe if the code is transient, otherwise
 * permanent.
 */
export function classifyGraphResponse(httpStatus: number, code: number | null, attempt = 0): { retry: RetryPolicy; retryAfterMs?: number } {
  if (httpStatus >= 500) return { retry: "ambiguous" };
  const wait = code !== null ? retryAfterWait[code] : undefined;
  if (wait) return { retry: "safe", retryAfterMs: withJitter(wait(attempt)) };
  if (httpStatus === 429) return { retry: "safe", retryAfterMs: withJitter(capped(5_000, attempt, 5 * 60_000)) };
  return { retry: "never" };
}

/** Errors raised before any byte of the request could reach Meta: resending cannot duplicate. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT", "ERR_TLS_CERT_ALTNAME_INVALID", "CERT_HAS_EXPIRED"]);

/**
 * A fetch that threw. Connection refused / DNS failures happened before the request left: safe. Our own timeout,
 * a reset or a closed socket may have happened after Meta read the request: ambiguous.
 */
export function classifyNetworkError(err: unknown, timedOut: boolean): GraphApiError {
  const code = errorCode(err);
  if (!timedOut && code && NOT_SENT.has(code)) {
    return new GraphApiError({ httpStatus: null, code: null, title: `Could not reach the Graph API (${code})`, retry: "safe", cause: err });
  }
  const title = timedOut ? "The Graph API did not answer in time" : `The connection to the Graph API failed${code ? ` (${code})` : ""}`;
  return new GraphApiError({ httpStatus: null, code: null, title, retry: "ambiguous", cause: err });
}

/** undici wraps the socket error: `TypeError: fetch failed` with `cause.code`. */
function errorCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

function capped(baseMs: number, attempt: number, maxMs: number) {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}

/** ±20 %: many runs hitting one number's limit should not come back in lockstep. */
function withJitter(ms: number) {
  return Math.round(ms * (0.8 + Math.random() * 0.4));
}
