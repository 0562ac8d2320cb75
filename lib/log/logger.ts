import pino, { type DestinationStream, type Level, type LevelWithSilent, type LogFn, type Logger } from "pino";
import { env } from "@/lib/env";
import { boundLogValue, truncateForLog } from "./bound-log-value";

/**
 * A pino logger whose every line is bounded and redacted (bound-log-value.ts): the merged object goes through
 * `formatters.log`, the message through `hooks.logMethod`. JSON lines on stdout; level from LOG_LEVEL.
 */
export function createLogger(options: { level: LevelWithSilent; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors are bounded by boundLogValue, not pino's serializer (which would keep the drivers' parameters).
      serializers: { err: (e: unknown) => e },
      formatters: { log: (obj) => boundLogValue(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const bounded = args.map((a) => (typeof a === "string" ? truncateForLog(a) : a)) as Parameters<LogFn>;
          method.apply(this, bounded);
        },
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

// Created on first use: env() must not be read when a module is merely imported (next build imports routes).
let instance: Logger | undefined;
const logger = () => (instance ??= createLogger({ level: configuredLevel() }));

/** An invalid environment is itself reported through the logger ("failed to start"), so fall back to info. */
function configuredLevel(): LevelWithSilent {
  try {
    return env().LOG_LEVEL;
  } catch {
    return "info";
  }
}

const levels = ["fatal", "error", "warn", "info", "debug", "trace"] as const satisfies Level[];

/**
 * Papo's logger. `log.error({ err, runId }, "what failed")` — the first argument is an object of fields (an Error
 * under `err`), the second the message. Never pass a whole payload: fields are cut to LOG_LIMITS anyway.
 */
export const log = Object.fromEntries(
  levels.map((level) => [level, ((...args: Parameters<LogFn>) => logger()[level](...args)) as LogFn]),
) as Record<(typeof levels)[number], LogFn>;
