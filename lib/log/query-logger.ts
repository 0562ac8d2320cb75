import type { Logger as DrizzleLogger } from "drizzle-orm";
import { log } from "./logger";

/**
 * Every query at LOG_LEVEL=trace, for debugging: the SQL (cut like any log string) and how many parameters it had —
 * never their values, which are customers' messages, tokens and multi-megabyte payloads. Off (false) otherwise, so
 * drizzle does not even build the log call.
 */
export function queryLogger(level: string): DrizzleLogger | false {
  if (level !== "trace") return false;
  return { logQuery: (query, params) => log.trace({ query, params: params.length }, "query") };
}
