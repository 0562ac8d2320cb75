/**
 * Makes any value safe to log: bounded in size and free of secrets. Logs once grew by 12 MB per failed query (the
 * driver's error carried every parameter of a 3 MB insert); a log line must never carry a whole payload, a token
 * or a password, whatever a caller hands the logger.
 */
export const LOG_LIMITS = {
  /** Characters kept of one string; the rest is replaced by a note of how much was cut. */
  string: 1000,
  /** Characters kept of a stack trace. */
  stack: 4000,
  /** Items kept of an array, keys of an object. */
  items: 20,
  /** Levels of nesting; deeper values become "[…]". */
  depth: 5,
  /** Errors followed through `cause`. */
  causes: 3,
};

/** Keys whose values are never logged. Matched on the key name at any depth. */
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|signature|credential|private[-_]?key|^auth$/i;

export const REDACTED = "[redacted]";

export function truncateForLog(text: string, max = LOG_LIMITS.string): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more chars]`;
}

export function boundLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return truncateForLog(value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return typeof value === "function" ? "[function]" : value;
  if (value instanceof Error) return boundError(value, depth, 0);
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (depth >= LOG_LIMITS.depth) return "[…]";
  if (Array.isArray(value)) {
    const items = value.slice(0, LOG_LIMITS.items).map((v) => boundLogValue(v, depth + 1));
    if (value.length > LOG_LIMITS.items) items.push(`[${value.length - LOG_LIMITS.items} more items]`);
    return items;
  }
  const out: Record<string, unknown> = {};
  const entries = Object.entries(value);
  for (const [key, v] of entries.slice(0, LOG_LIMITS.items)) {
    out[truncateForLog(key, 100)] = SECRET_KEY.test(key) ? REDACTED : boundLogValue(v, depth + 1);
  }
  if (entries.length > LOG_LIMITS.items) out["…"] = `${entries.length - LOG_LIMITS.items} more keys`;
  return out;
}

/**
 * An error as a small object. Only fields that describe the failure are kept: drizzle's "Failed query" message
 * appends every parameter and the drivers attach them as `params`/`parameters`, so those never reach a log line.
 */
function boundError(err: Error, depth: number, causes: number): Record<string, unknown> {
  const e = err as Error & Record<string, unknown>;
  // Drizzle's errors keep name "Error": the class name says more.
  const type = e.name && e.name !== "Error" ? e.name : e.constructor?.name || "Error";
  const out: Record<string, unknown> = { type, message: truncateForLog(stripParams(e.message ?? "")) };
  for (const field of ["code", "severity", "detail", "hint", "table", "column", "constraint", "routine", "status"] as const) {
    const v = e[field];
    if (typeof v === "string" || typeof v === "number") out[field] = typeof v === "string" ? truncateForLog(v, 300) : v;
  }
  if (typeof e.query === "string") out.query = truncateForLog(e.query, 500);
  if (typeof e.stack === "string") out.stack = truncateForLog(stripParams(e.stack), LOG_LIMITS.stack);
  if (e.cause !== undefined && causes < LOG_LIMITS.causes) {
    out.cause = e.cause instanceof Error ? boundError(e.cause, depth, causes + 1) : boundLogValue(e.cause, depth + 1);
  }
  return out;
}

/** Drizzle's DrizzleQueryError message is "Failed query: <sql>\nparams: <every value>": keep the SQL only. */
function stripParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, "\nparams: [not logged]");
}
