import { sql } from "drizzle-orm";
import { z } from "zod";
import { embeddedSigningKey } from "../mode";
import { countCheckpoint } from "./counters";
import { getDb } from "@/db";
import { query } from "./db";
import { stepRow } from "./apply-outcome";
import { hashedSigningKey, safeEqual } from "./signing";

/**
 * What identifies one dispatch of a queue item: the item, the worker holding its lease, and a nonce for this call.
 * Sent to the SDK as `ctx.qi_id`; the SDK echoes it with every checkpoint of that call.
 */
export function dispatchId(itemId: number, workerId: string, nonce: string): string {
  return `${itemId}:${workerId}:${nonce}`;
}

function parseDispatchId(qi: string): { itemId: number; workerId: string } | undefined {
  const [item, workerId, nonce] = qi.split(":");
  const itemId = Number(item);
  return Number.isSafeInteger(itemId) && itemId > 0 && workerId && nonce ? { itemId, workerId } : undefined;
}

/**
 * A step the SDK checkpoints: only the fields Inngest's protocol defines are kept (the SDK's request also carries
 * its in-memory step object: promises, middleware state, raw arguments).
 */
const checkpointStep = z.object({
  id: z.string().min(1),
  op: z.string(),
  name: z.string().optional(),
  displayName: z.string().optional(),
  data: z.unknown().optional(),
  timing: z.object({ a: z.number(), b: z.number() }).optional(),
});

const checkpointBody = z.object({
  run_id: z.string().min(1),
  fn_id: z.string().min(1),
  qi_id: z.string().min(1),
  steps: z.array(checkpointStep).min(1),
});

/**
 * `POST /v1/checkpoint/{runId}/async`: the SDK (async checkpointing, its v4 default) reports steps it ran inside
 * one execution request and carries on in the same request. Answers 200 only once the steps are committed, so a
 * step acknowledged is never re-run. Answers 409 (the SDK stops: "stale dispatch") when the call is no longer the
 * run's: the item's lease passed to another worker, or the run was cancelled or has ended.
 *
 * Only `StepRun` is checkpointed by the pinned SDK in async mode (errors, async ops and the run's end come back
 * in the call's response); anything else is refused with a 400 and the SDK falls back to returning it there.
 */
export async function handleCheckpoint(req: Request, runId: string): Promise<Response> {
  if (req.method !== "POST") return json(405, { error: "Method not allowed" });
  const auth = req.headers.get("authorization") ?? "";
  if (!safeEqual(auth, `Bearer ${hashedSigningKey(embeddedSigningKey())}`)) return json(401, { error: "Unauthorized" });
  let body: z.infer<typeof checkpointBody>;
  try {
    body = checkpointBody.parse(await req.json());
  } catch {
    return json(400, { error: "Body must be {run_id, fn_id, qi_id, steps: [...]}" });
  }
  const dispatch = parseDispatchId(body.qi_id);
  if (!dispatch || body.run_id !== runId) return json(400, { error: "qi_id or run_id does not match this run" });
  const unsupported = body.steps.find((s) => s.op !== "StepRun");
  if (unsupported) return json(400, { error: `Op "${unsupported.op}" is not checkpointed; return it in the response` });
  countCheckpoint();

  const rows = body.steps.map((s) => stepRow(runId, s, { type: "data", data: s.data ?? null }));
  // One statement, so one atomic commit (no BEGIN/COMMIT round trips): lock the run and the queue item as a call's
  // completion does (apply-outcome.ts), so checkpoints, the call's own answer, cancellation and resolves of one
  // run never interleave; store the steps only if this dispatch still owns a running run; and count them on the
  // item, which tells the call's completion which stored results the SDK has already seen. The 200 goes out
  // after the statement has committed.
  const [{ owned }] = await query<{ owned: number }>(
    getDb(),
    sql`with locked as (
          select r.id from inngest_runs r
          join inngest_queue q on q.run_id = r.id and q.id = ${dispatch.itemId} and q.kind = 'call'
          where r.id = ${runId} and r.status = 'running' and r.function_id = ${body.fn_id} and q.leased_by = ${dispatch.workerId}
          for update),
        s as (
          insert into inngest_steps (run_id, step_id, result, name, started_at, duration_ms)
          select * from (values ${sql.join(rows, sql`, `)}) v where exists (select 1 from locked)
          on conflict do nothing returning 1),
        u as (
          update inngest_queue set checkpoint = jsonb_build_object('dispatch', ${body.qi_id}::text, 'steps',
              (case when checkpoint->>'dispatch' = ${body.qi_id}::text then (checkpoint->>'steps')::int else 0 end)
              + (select count(*)::int from s))
          where id = ${dispatch.itemId} and exists (select 1 from locked))
        select count(*)::int as owned from locked`,
  );
  const accepted = Number(owned) > 0;
  return accepted ? json(200, { ok: true }) : json(409, { error: "Stale dispatch: this call no longer owns the run" });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}
