import { explainGraphError } from "./explain-graph-error";

/**
 * What to do after a failed Graph call:
 * - `safe`: Meta clearly did not accept the message (a 4xx rejection such as 130429, or the request never left):
 *   sending again cannot duplicate it.
 * - `ambiguous`: the request left and the answer is unknown (timeout, dropped connection, 5xx): Meta may have
 *   accepted it. Do not resend before looking for evidence (SENDING.md).
 * - `never`: a permanent rejection (window, template, recipient, token…): retrying gives the same answer.
 */
export type RetryPolicy = "safe" | "ambiguous" | "never";

export type GraphApiErrorInit = {
  /** HTTP status, or null when no response came back (network failure, timeout). */
  httpStatus: number | null;
  /** Meta's error code, or null for network failures and bodies without one. */
  code: number | null;
  subcode?: number | null;
  title: string;
  details?: string | null;
  fbtraceId?: string | null;
  retry: RetryPolicy;
  /** Minimum wait before a `safe` retry (throughput limits); undefined = the caller's usual backoff. */
  retryAfterMs?: number;
  cause?: unknown;
};

/** A failed Graph API call, typed: Meta's code and text, a plain-language explanation and the retry policy. */
export class GraphApiError extends Error {
  override readonly name = "GraphApiError";
  readonly httpStatus: number | null;
  readonly code: number | null;
  readonly subcode: number | null;
  readonly title: string;
  readonly details: string | null;
  readonly fbtraceId: string | null;
  readonly retry: RetryPolicy;
  readonly retryAfterMs: number | undefined;
  /** For people: what happened and what to do, in plain words. */
  readonly explanation: string;

  constructor(init: GraphApiErrorInit) {
    super(init.code !== null ? `(#${init.code}) ${init.title}${init.details ? `: ${init.details}` : ""}` : init.title, { cause: init.cause });
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.subcode = init.subcode ?? null;
    this.title = init.title;
    this.details = init.details ?? null;
    this.fbtraceId = init.fbtraceId ?? null;
    this.retry = init.retry;
    this.retryAfterMs = init.retryAfterMs;
    this.explanation = explainGraphError(init.code, init.retry);
  }

  /** A plain object for step results and logs (Error fields do not survive JSON). */
  toJSON() {
    return {
      name: this.name,
      httpStatus: this.httpStatus,
      code: this.code,
      subcode: this.subcode,
      title: this.title,
      details: this.details,
      fbtraceId: this.fbtraceId,
      retry: this.retry,
      retryAfterMs: this.retryAfterMs,
      explanation: this.explanation,
    };
  }
}

export type GraphApiErrorJson = ReturnType<GraphApiError["toJSON"]>;
