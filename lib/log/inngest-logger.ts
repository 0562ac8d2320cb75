import { log } from "./logger";

type Arg = unknown;

/**
 * The Inngest SDK's logger interface (info/warn/error/debug, console-style arguments) on top of Papo's logger, so
 * what the SDK logs about failing steps is bounded and redacted like everything else.
 */
export const inngestLogger = {
  info: (...args: Arg[]) => write("info", args),
  warn: (...args: Arg[]) => write("warn", args),
  error: (...args: Arg[]) => write("error", args),
  debug: (...args: Arg[]) => write("debug", args),
};

function write(level: "info" | "warn" | "error" | "debug", args: Arg[]) {
  const message = args.filter((a) => typeof a === "string").join(" ");
  const rest = args.filter((a) => typeof a !== "string");
  const err = rest.find((a) => a instanceof Error);
  const details = rest.filter((a) => a !== err);
  log[level]({ source: "inngest", ...(err ? { err } : {}), ...(details.length ? { details } : {}) }, message);
}
