import { compileExpression } from "./expression";
import { parseCron } from "./cron";
import { parseDuration } from "./duration";

/** A function as the SDK registers it (the subset of fields the executor reads). */
export type FunctionConfig = {
  id: string;
  name?: string;
  triggers: ({ event: string; expression?: string } | { cron: string; jitter?: string })[];
  steps: Record<string, { runtime: { type: string; url: string }; retries?: { attempts: number } }>;
  idempotency?: string;
  concurrency?: number | ConcurrencyOption | ConcurrencyOption[];
  throttle?: { limit: number; period: string; key?: string; burst?: number };
  cancel?: { event: string; if?: string; timeout?: string }[];
  [option: string]: unknown;
};
type ConcurrencyOption = { limit: number; key?: string; scope?: "fn" | "env" | "account" };

export type FunctionRecord = { id: string; appId: string; url: string; config: FunctionConfig };

/** Options Inngest offers that this executor does not implement: registration fails rather than ignore them. */
const UNSUPPORTED = ["batchEvents", "debounce", "rateLimit", "priority", "timeouts", "singleton"] as const;

/** Every reason this function cannot run on the embedded executor (empty = fine). */
export function unsupportedReasons(fn: FunctionConfig): string[] {
  const out: string[] = [];
  for (const option of UNSUPPORTED) if (fn[option] !== undefined && fn[option] !== null) out.push(`option "${option}" is not supported`);
  const check = (what: string, f: () => unknown) => {
    try {
      f();
    } catch (err) {
      out.push(`${what}: ${(err as Error).message}`);
    }
  };
  for (const t of fn.triggers ?? []) {
    if ("cron" in t) {
      check("cron trigger", () => parseCron(t.cron));
      if (t.jitter) out.push(`cron jitter is not supported`);
    } else if (t.expression) check("trigger expression", () => compileExpression(t.expression!));
  }
  if (fn.idempotency) check("idempotency", () => compileExpression(fn.idempotency!));
  for (const c of concurrencyOptions(fn)) {
    if (c.key) check("concurrency key", () => compileExpression(c.key!));
    if (c.scope === "account") out.push(`concurrency scope "account" is not supported (use "env" or "fn")`);
  }
  if (concurrencyOptions(fn).length > 2) out.push("at most two concurrency constraints are supported");
  if (fn.throttle) {
    if (fn.throttle.burst && fn.throttle.burst > 1) out.push(`throttle burst is not supported`);
    if (parseDuration(fn.throttle.period) === undefined) out.push(`throttle period "${fn.throttle.period}" is not a duration`);
    if (fn.throttle.key) check("throttle key", () => compileExpression(fn.throttle!.key!));
  }
  for (const c of fn.cancel ?? []) {
    if (c.if) check("cancelOn", () => compileExpression(c.if!));
    if (c.timeout && parseDuration(c.timeout) === undefined) out.push(`cancelOn timeout "${c.timeout}" is not a duration`);
  }
  const runtime = fn.steps?.step?.runtime;
  if (!runtime || runtime.type !== "http") out.push(`only HTTP serve handlers are supported (not connect)`);
  return out;
}

export function concurrencyOptions(fn: FunctionConfig): ConcurrencyOption[] {
  const c = fn.concurrency;
  if (c === undefined || c === null) return [];
  const list = Array.isArray(c) ? c : [typeof c === "number" ? { limit: c } : c];
  return list.filter((o) => o.limit > 0);
}

/** Total attempts = retries + 1; the SDK's default is 4 retries. */
export function maxAttempts(fn: FunctionConfig): number {
  return (fn.steps?.step?.retries?.attempts ?? 4) + 1;
}
