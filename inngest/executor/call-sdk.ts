import type { StepResult } from "@/db/schema";
import type { StoredEvent } from "./ingest";
import { countSdkCall } from "./counters";
import { signBody } from "./signing";

/**
 * How a request reaches the SDK's serve handler: `fetch` over HTTP (a worker calling functions served by another
 * process), or the handler itself called in this process (sdk-transport.ts). Either way the request is signed and
 * the handler verifies it.
 */
export type SdkTransport = (request: Request) => Promise<Response>;

export type Op = {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown>;
  data?: unknown;
  error?: unknown;
  /** The SDK's Go-style interval for the step, in nanoseconds: `a` = start since the epoch, `b` = duration. */
  timing?: { a: number; b: number };
};

export type CallOutcome =
  | { kind: "ops"; ops: Op[]; retryAfterMs?: number }
  | { kind: "completed"; output: unknown }
  | { kind: "failed"; error: unknown }
  | { kind: "retry"; error: unknown; retryAfterMs?: number };

export type CallRequest = {
  url: string;
  stepId: string | null;
  runId: string;
  /** The run's function: sent as `ctx.fn_id`, which (with `qi_id`) turns on the SDK's checkpointing. */
  functionId: string;
  /** This dispatch (queue item + lease holder): the SDK sends it back with each checkpoint (`ctx.qi_id`). */
  dispatchId: string;
  event: StoredEvent;
  steps: { stepId: string; result: StepResult }[];
  attempt: number;
  maxAttempts: number;
  signingKey: string;
  timeoutMs: number;
  transport: SdkTransport;
};

/**
 * One execution request, shaped like Inngest's own, signed with the local signing key. `ctx.fn_id` + `ctx.qi_id`
 * let the SDK checkpoint (its v4 default): it runs consecutive steps in this one call, reporting each to
 * `POST /v1/checkpoint/{runId}/async` (checkpoint.ts), and answers only at an async op, an error or the end.
 * Every answer is reduced to what the executor does next.
 */
export async function callSdk(req: CallRequest): Promise<CallOutcome> {
  const url = new URL(req.url);
  if (req.stepId) url.searchParams.set("stepId", req.stepId);
  const body = {
    event: req.event,
    events: [req.event],
    steps: Object.fromEntries(req.steps.map((s) => [s.stepId, s.result])),
    ctx: {
      run_id: req.runId,
      fn_id: req.functionId,
      qi_id: req.dispatchId,
      attempt: req.attempt,
      max_attempts: req.maxAttempts,
      disable_immediate_execution: false,
      use_api: false,
      stack: { stack: req.steps.map((s) => s.stepId), current: req.steps.length },
    },
    version: 2,
  };
  let res: Response;
  let text: string;
  try {
    countSdkCall();
    res = await req.transport(new Request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-inngest-req-version": "2",
        "x-inngest-signature": signBody(body, req.signingKey),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(req.timeoutMs),
    }));
    text = await res.text();
  } catch (err) {
    return { kind: "retry", error: { name: "FetchError", message: `Calling ${url.origin}${url.pathname} failed: ${(err as Error).message}` } };
  }
  const json = parse(text);
  const retryAfterMs = parseRetryAfter(res.headers.get("x-inngest-retry-after") ?? res.headers.get("retry-after"));
  if (res.status === 206) return { kind: "ops", ops: Array.isArray(json) ? (json as Op[]) : [json as Op], retryAfterMs };
  if (res.status === 200) return { kind: "completed", output: json ?? null };
  const error = json ?? { name: "Error", message: `HTTP ${res.status}: ${text.slice(0, 500)}` };
  if (res.headers.get("x-inngest-no-retry") === "true") return { kind: "failed", error };
  return { kind: "retry", error, retryAfterMs };
}

function parse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** RetryAfterError sends seconds or a date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
