import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/*
 * State of the embedded Inngest executor (inngest/executor). Scheduling times are bigint milliseconds read from
 * the executor's injectable clock, so tests can move time without waiting; `leased_until` is real wall-clock
 * time because it measures whether a worker process is still alive.
 */

/** Functions learnt from the SDK's registration call: the config is stored exactly as the SDK sent it. */
export const inngestFunctions = pgTable("inngest_functions", {
  id: text("id").primaryKey(),
  appId: text("app_id").notNull(),
  /** The SDK's call URL for this function (`...?fnId=<id>&stepId=step`). */
  url: text("url").notNull(),
  config: jsonb("config").$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every accepted event. A caller-supplied id deduplicates: the same id twice triggers runs once. */
export const inngestEvents = pgTable(
  "inngest_events",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    user: jsonb("user"),
    ts: bigint("ts", { mode: "number" }).notNull(),
    /**
     * The tenant the event concerns (`data.organizationId` when it is a UUID), so the Runs and Events pages can
     * show each organization only its own. Null for install-wide events (crons, internal ones). No foreign key:
     * the executor's tables are independent of Papo's domain tables.
     */
    organizationId: uuid("organization_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("inngest_events_name_ts_idx").on(t.name, t.ts),
    index("inngest_events_organization_received_idx").on(t.organizationId, t.receivedAt),
    // Retention prunes the oldest events first (inngest/functions/prune-executor-history.ts).
    index("inngest_events_received_idx").on(t.receivedAt),
  ],
);

export const inngestRuns = pgTable(
  "inngest_runs",
  {
    id: text("id").primaryKey(),
    /** Creation order; queue items inherit it so older runs' steps go first (FIFO per concurrency key). */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    functionId: text("function_id").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    /** The triggering event's id: lists the runs an event started (a replay shares its original's event). */
    eventId: text("event_id"),
    /** The triggering event's organization; an invoked run takes its parent's (see inngestEvents). */
    organizationId: uuid("organization_id"),
    status: text("status").$type<"running" | "completed" | "failed" | "cancelled">().notNull(),
    output: jsonb("output"),
    error: jsonb("error"),
    /** Evaluated flow-control keys, copied onto every queue item of the run. */
    concurrency: jsonb("concurrency").$type<{ key: string; limit: number }[]>().notNull().default([]),
    throttleKey: text("throttle_key"),
    /** Clock ms when the first call was claimed: what throttle counts. */
    startedAt: bigint("started_at", { mode: "number" }),
    parentRunId: text("parent_run_id"),
    parentStepId: text("parent_step_id"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    endedAt: bigint("ended_at", { mode: "number" }),
  },
  (t) => [
    index("inngest_runs_function_status_idx").on(t.functionId, t.status),
    index("inngest_runs_throttle_idx").on(t.throttleKey, t.startedAt),
    // Keyset pagination of an organization's runs follows seq (creation order, unique), not created_at (ties).
    index("inngest_runs_organization_seq_idx").on(t.organizationId, t.seq),
    index("inngest_runs_event_idx").on(t.eventId),
    // Retention finds finished runs by end time; running runs (no end) stay out of the index.
    index("inngest_runs_ended_idx").on(t.endedAt).where(sql`ended_at is not null`),
  ],
);

/** Memoized step results, sent back to the SDK on every call (`steps` in the request body). */
export const inngestSteps = pgTable(
  "inngest_steps",
  {
    runId: text("run_id").notNull(),
    /** The SDK's hashed step id. */
    stepId: text("step_id").notNull(),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    result: jsonb("result").$type<StepResult>().notNull(),
    /** For people reading the run: the step's own name and, when the SDK reports its timing, when and how long it ran. */
    name: text("name"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] })],
);

export type StepResult = { type: "data"; data: unknown } | { type: "error"; error: unknown };

/** Runs waiting for an event: step.waitForEvent ("event") or a cancelOn rule ("cancel"). */
export const inngestWaits = pgTable(
  "inngest_waits",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: text("run_id").notNull(),
    stepId: text("step_id").notNull(),
    kind: text("kind").$type<"event" | "cancel">().notNull(),
    eventName: text("event_name").notNull(),
    expression: text("expression"),
    expiresAt: bigint("expires_at", { mode: "number" }),
  },
  (t) => [uniqueIndex("inngest_waits_run_step_idx").on(t.runId, t.stepId), index("inngest_waits_event_idx").on(t.eventName)],
);

/**
 * The work queue. "call" = one HTTP request to the SDK (step_id set = run that planned step); "resolve" = at
 * run_at, store `result` as the step's result (sleep wake-up, waitForEvent/invoke timeout) and continue the run.
 */
export const inngestQueue = pgTable(
  "inngest_queue",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: text("run_id").notNull(),
    kind: text("kind").$type<"call" | "resolve">().notNull(),
    stepId: text("step_id"),
    result: jsonb("result").$type<StepResult>(),
    /** Keeps the same planned step, sleep or timeout from being queued twice. */
    dedupeKey: text("dedupe_key"),
    priority: bigint("priority", { mode: "number" }).notNull(),
    runAt: bigint("run_at", { mode: "number" }).notNull(),
    attempt: integer("attempt").notNull().default(0),
    concurrencyKeys: text("concurrency_keys").array().notNull().default(sql`'{}'::text[]`),
    concurrencyLimits: integer("concurrency_limits").array().notNull().default(sql`'{}'::integer[]`),
    /** Only on a run's first call: throttle limits run starts. */
    throttle: jsonb("throttle").$type<{ key: string; limit: number; periodMs: number }>(),
    leasedBy: text("leased_by"),
    leasedUntil: bigint("leased_until", { mode: "number" }),
    /**
     * The run's organization (null: system runs), the group claiming takes turns between so one tenant's backlog
     * never delays another's work. Filled by a trigger from inngest_runs (see the migration's hand-written part),
     * so every path that queues work gets it without passing it around.
     */
    organizationId: uuid("organization_id"),
    /**
     * A call's checkpoints (inngest/executor/checkpoint.ts): which dispatch (`ctx.qi_id`) checkpointed how many
     * steps, so its completion knows which stored results the SDK has already seen.
     */
    checkpoint: jsonb("checkpoint").$type<{ dispatch: string; steps: number }>(),
  },
  (t) => [
    // Claiming walks each organization's items in order (claim.ts); a global (priority, id) order would tempt the
    // planner to scan one tenant's whole backlog looking for another's items.
    index("inngest_queue_organization_order_idx").on(t.organizationId, t.priority, t.id),
    index("inngest_queue_run_idx").on(t.runId),
    uniqueIndex("inngest_queue_dedupe_idx").on(t.dedupeKey),
    index("inngest_queue_leased_idx").on(t.leasedUntil).where(sql`leased_until is not null`),
  ],
);

/** One row per (function, cron tick): the insert that wins fires the run, so N processes fire once. */
export const inngestCronTicks = pgTable(
  "inngest_cron_ticks",
  {
    functionId: text("function_id").notNull(),
    tick: bigint("tick", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.functionId, t.tick] })],
);

/** Idempotency keys: a second event with the same key within 24 h starts no run. */
export const inngestIdempotency = pgTable(
  "inngest_idempotency",
  {
    functionId: text("function_id").notNull(),
    key: text("key").notNull(),
    runId: text("run_id").notNull(),
    expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.functionId, t.key] })],
);
