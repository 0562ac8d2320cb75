import { ZodError } from "zod";
import { log } from "@/lib/log/logger";

/** The error codes Papo's API speaks, and the HTTP status each one maps to. */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  /** An API key past its expiry (lib/api-keys). */
  api_key_expired: 401,
  forbidden: 403,
  /** An API key whose role allows the action but whose scopes do not (lib/api-keys/scopes.ts). */
  insufficient_scope: 403,
  not_found: 404,
  conflict: 409,
  /** A send refused by the contact's state (lib/contacts/marketing-refusal.ts) or the plan's contact limit. */
  contact_opted_out: 409,
  contact_blocked: 409,
  plan_limit_reached: 409,
  payload_too_large: 413,
  invalid_input: 422,
  /** An Idempotency-Key sent again with another request (lib/api/run-idempotent.ts). */
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  /** A service Papo depends on (Meta's Graph API) could not be reached or failed: try again later. */
  upstream_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldIssue = { path: string; message: string };

/** The one error type for expected failures. Anything else that escapes a handler becomes a generic 500. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = "AppError";
  }
  get status() {
    return errorStatus[this.code];
  }
}

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found`);
export const forbidden = (message = "You do not have permission to do this") => new AppError("forbidden", message);
export const unauthorized = () => new AppError("unauthorized", "Sign in or send a valid API key");
export const conflict = (message: string, path?: string) =>
  new AppError("conflict", message, path ? [{ path, message }] : undefined);

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

export type ErrorBody = { error: { code: ErrorCode; message: string; issues?: FieldIssue[] } };

export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message, issues: err.issues } } };
  }
  if (err instanceof ZodError) {
    const issues = zodIssues(err);
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    return { status: 422, body: { error: { code: "invalid_input", message, issues } } };
  }
  if (isUniqueViolation(err)) {
    return { status: 409, body: { error: { code: "conflict", message: "This already exists" } } };
  }
  log.error({ err }, "unexpected error");
  return { status: 500, body: { error: { code: "internal_error", message: "Something went wrong on our side" } } };
}

/** Postgres 23505, as raised by postgres.js or PGlite, possibly wrapped by drizzle. Races end here, not in a 500. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 3; e = e.cause as typeof e, i++) {
    if (e.code === "23505") return true;
  }
  return false;
}
