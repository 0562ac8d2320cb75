import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { query, withTx } from "./db";
import { evaluate } from "./expression";
import type { FunctionRecord } from "./function-config";
import { newId } from "./ids";
import { organizationIdOf } from "./organization-id-of";
import { createRuns, finishRun, resolveStep } from "./runs";
import { loadFunctions } from "./registry";
import { wakeWorkers } from "./wake";

export type IncomingEvent = { name: string; data?: Record<string, unknown>; id?: string; ts?: number; user?: unknown; v?: string };
export type StoredEvent = { name: string; data: Record<string, unknown>; id: string; ts: number; user?: unknown; v?: string };

/** The event API: store events, start the runs they trigger, resolve waits and cancellations they match. */
export async function ingestEvents(events: IncomingEvent[], now: number): Promise<string[]> {
  const ids = await withTx((tx) => ingestInTx(tx, events, now));
  wakeWorkers();
  return ids;
}

export async function ingestInTx(tx: Tx, events: IncomingEvent[], now: number): Promise<string[]> {
  const stored = events.map((incoming): StoredEvent => {
    if (!incoming || typeof incoming.name !== "string" || !incoming.name) throw new EventError("Every event needs a name");
    return {
      name: incoming.name,
      data: incoming.data ?? {},
      id: incoming.id || newId("evt_"),
      ts: incoming.ts ?? now,
      ...(incoming.user !== undefined ? { user: incoming.user } : {}),
      ...(incoming.v !== undefined ? { v: incoming.v } : {}),
    };
  });
  if (stored.length === 0) return [];
  // A caller-chosen id makes the send idempotent: the second copy is accepted but triggers nothing.
  const rows = sql.join(
    stored.map(
      (e) =>
        sql`(${e.id}, ${e.name}, ${JSON.stringify(e.data)}::jsonb, ${e.user === undefined ? null : JSON.stringify(e.user)}::jsonb, ${e.ts},
             ${organizationIdOf(e.data)}::uuid)`,
    ),
    sql`, `,
  );
  // The waits for these event names ride on the insert (one statement, not two): new runs have none yet, and a wait
  // committed by another process meanwhile is the same race either way.
  const names = [...new Set(stored.map((e) => e.name))];
  const [inserted] = await query<{ fresh: string[] | null; waits: Wait[] | null }>(
    tx,
    sql`with ins as (insert into inngest_events (id, name, data, "user", ts, organization_id) values ${rows} on conflict (id) do nothing returning id)
        select (select json_agg(id) from ins) as fresh,
          (select json_agg(json_build_object('run_id', w.run_id, 'step_id', w.step_id, 'kind', w.kind, 'event_name', w.event_name,
             'expression', w.expression, 'event', r.event) order by w.run_id, w.id)
           from inngest_waits w join inngest_runs r on r.id = w.run_id
           where w.event_name in (${sql.join(names.map((n) => sql`${n}`), sql`, `)}) and (w.expires_at is null or w.expires_at > ${now})) as waits`,
  );
  const fresh = new Set(inserted?.fresh ?? []);
  const fns = await loadFunctions(tx);
  // delete() is true once per fresh id, so an id repeated inside one batch also triggers once.
  const triggered = stored.filter((e) => fresh.delete(e.id));
  await createRuns(
    tx,
    triggered.flatMap((event) => fns.filter((fn) => triggeredBy(fn, event)).map((fn) => ({ fn, event }))),
    now,
  );
  await matchWaits(tx, triggered, inserted?.waits ?? [], now);
  return stored.map((e) => e.id);
}

function triggeredBy(fn: FunctionRecord, event: StoredEvent): boolean {
  return fn.config.triggers.some((t) => {
    if (!("event" in t)) return false;
    const nameOk = t.event.endsWith("*") ? event.name.startsWith(t.event.slice(0, -1)) : t.event === event.name;
    return nameOk && (!t.expression || evaluate(t.expression, { event }) === true);
  });
}

type Wait = { run_id: string; step_id: string; kind: string; event_name: string; expression: string | null; event: StoredEvent };

/** waitForEvent and cancelOn: `event` is the run's trigger event, `async` the one that just arrived. */
async function matchWaits(tx: Tx, events: StoredEvent[], waits: Wait[], now: number) {
  if (events.length === 0 || waits.length === 0) return;
  for (const incoming of events) {
    for (const w of waits) {
      if (w.event_name !== incoming.name) continue;
      if (w.expression && evaluate(w.expression, { event: w.event, async: incoming }) !== true) continue;
      if (w.kind === "cancel") await finishRun(tx, w.run_id, { status: "cancelled" }, now);
      else await resolveStep(tx, w.run_id, w.step_id, { type: "data", data: incoming }, now);
    }
  }
}

export class EventError extends Error {}
