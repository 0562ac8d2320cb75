import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db";
import { inngest } from "@/inngest";
import { pruneRunHistoryFn } from "@/inngest/functions/prune-run-history";
import { query } from "@/inngest/executor/db";
import { pruneRunHistory } from "@/inngest/executor/prune-run-history";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";

/** Retention (PAPO_RUN_RETENTION_DAYS, default 14): backdated rows, the executor's manual clock moved to the cron tick. */
const DAY = 86_400_000;
let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions: [pruneRunHistoryFn] });
});
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

async function insertRun(id: string, status: string, endedDaysAgo: number | null) {
  const now = h.clock.now();
  const ended = endedDaysAgo === null ? null : now - endedDaysAgo * DAY;
  await getDb().execute(sql`insert into inngest_runs (id, function_id, event, status, created_at, ended_at)
      values (${id}, 'old-fn', '{}'::jsonb, ${status}, ${now - 30 * DAY}, ${ended})`);
  await getDb().execute(sql`insert into inngest_steps (run_id, step_id, result) values (${id}, 's1', '{"type":"data","data":1}'::jsonb),
      (${id}, 's2', '{"type":"data","data":2}'::jsonb)`);
}

async function insertEvent(id: string, daysAgo: number) {
  await getDb().execute(sql`insert into inngest_events (id, name, data, ts, received_at)
      values (${id}, 'test/old', '{}'::jsonb, ${h.clock.now() - daysAgo * DAY}, now() - make_interval(days => ${daysAgo}))`);
}

const ids = async (table: "inngest_runs" | "inngest_events") =>
  (await query<{ id: string }>(getDb(), sql`select id from ${sql.raw(table)} where id like 'keep%' or id like 'old%' order by id`)).map((r) => r.id);
const stepsOf = async (runId: string) =>
  Number((await query<{ n: number }>(getDb(), sql`select count(*)::int as n from inngest_steps where run_id = ${runId}`))[0].n);

it("the hourly cron prunes finished runs, their steps and events past the retention; keeps running and recent ones", async () => {
  await insertRun("old-completed", "completed", 15);
  await insertRun("old-failed", "failed", 20);
  await insertRun("old-cancelled", "cancelled", 15);
  await insertRun("keep-running", "running", null); // created 30 days ago, still running
  await insertRun("keep-recent", "completed", 13);
  await insertEvent("old-event", 15);
  await insertEvent("keep-event", 13);

  h.clock.advance(61 * 60_000); // past the next hh:41 tick
  await waitFor(async () => {
    const [r] = await query<{ status: string }>(getDb(), sql`select status from inngest_runs where function_id like '%prune-run-history'`);
    return r?.status === "completed";
  }, "the retention run", 30_000);

  expect(await ids("inngest_runs")).toEqual(["keep-recent", "keep-running"]);
  expect(await ids("inngest_events")).toEqual(["keep-event"]);
  expect(await stepsOf("old-completed")).toBe(0);
  expect(await stepsOf("old-failed")).toBe(0);
  expect(await stepsOf("keep-running")).toBe(2);
  expect(await stepsOf("keep-recent")).toBe(2);
}, 60_000);

it("works in small batches until done, and reports a backlog it left for the next run", async () => {
  for (let i = 0; i < 7; i++) await insertRun(`old-batch-${i}`, "completed", 30);
  const partial = await pruneRunHistory({ retentionDays: 14, now: h.clock.now(), batchSize: 2, maxBatches: 2 });
  expect(partial).toMatchObject({ runs: 4, steps: 8, complete: false });
  const rest = await pruneRunHistory({ retentionDays: 14, now: h.clock.now(), batchSize: 2, maxBatches: 10 });
  expect(rest).toMatchObject({ runs: 3, steps: 6, complete: true });
  expect((await ids("inngest_runs")).filter((id) => id.startsWith("old"))).toEqual([]);
  expect(await ids("inngest_runs")).toEqual(["keep-recent", "keep-running"]);
});
