import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db";
import { query } from "@/inngest/executor/db";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { pendingItems, runsOf, startHarness, testClient, waitFor, waitForRuns, type Harness } from "@/tests/support/executor/harness";

/**
 * Issue #11: queue items carry their run's organization (fair claiming takes turns between organizations), written by
 * every insert path of the executor itself — migration 0009's trigger that copied it from inngest_runs is gone.
 * A test-only trigger refuses any queue item whose organization differs from its run's, so a path that forgot it
 * would fail its run here.
 */
const client = testClient("qorg");
const org = randomUUID();

const child = client.createFunction({ id: "child", triggers: [{ event: "test/child" }] }, async ({ step }) => step.run("c", () => "child done"));
const simple = client.createFunction({ id: "simple", triggers: [{ event: "test/simple" }] }, async ({ step }) => step.run("s", () => 1));
const once = client.createFunction({ id: "once", idempotency: "event.data.key", triggers: [{ event: "test/once" }] }, async ({ step }) => step.run("o", () => 1));
// Every kind of queue item: parallel planned steps (enqueueCall), a sleep and a waitForEvent timeout (enqueueResolve),
// the call that follows a resolved step (ensureCall), and an invoked child run (createRun with a parent).
const all = client.createFunction({ id: "all", triggers: [{ event: "test/all" }] }, async ({ step }) => {
  await Promise.all([step.run("p1", () => 1), step.run("p2", () => 2)]);
  await step.sleep("nap", "1m");
  await step.waitForEvent("never", { event: "test/never", timeout: "1m" });
  // The child's event has no organization: it inherits its parent's.
  return step.invoke("call-child", { function: child, data: {} });
});

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  await getDb().execute(sql`create function test_queue_org_matches() returns trigger language plpgsql volatile as $$
    begin
      if new.organization_id is distinct from (select organization_id from inngest_runs where id = new.run_id) then
        raise exception 'queue item of run % without its organization', new.run_id;
      end if;
      return new;
    end $$`);
  await getDb().execute(sql`create trigger test_queue_org_matches before insert on inngest_queue for each row execute function test_queue_org_matches()`);
  h = await startHarness({ client, functions: [child, simple, once, all] });
});
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

it("migration 0009's trigger is gone", async () => {
  const triggers = await query<{ tgname: string }>(getDb(), sql`select tgname from pg_trigger where tgrelid = 'inngest_queue'::regclass and not tgisinternal`);
  expect(triggers.map((t) => t.tgname)).toEqual(["test_queue_org_matches"]);
});

it("the first call of a run, in a batch (createRuns) or alone (createRun, idempotency), carries the organization", async () => {
  await h.executor.stop();
  await client.send([
    { name: "test/simple", data: { organizationId: org } },
    { name: "test/once", data: { organizationId: org, key: "k" } },
    { name: "test/simple", data: {} },
  ]);
  const items = await query<{ function_id: string; org: string | null }>(
    getDb(),
    sql`select r.function_id, q.organization_id as org from inngest_queue q join inngest_runs r on r.id = q.run_id order by q.id`,
  );
  expect(items).toEqual([
    { function_id: "qorg-once", org },
    { function_id: "qorg-simple", org },
    { function_id: "qorg-simple", org: null },
  ]);
  await h.startAnotherExecutor();
  await waitForRuns("qorg-simple", 2);
  await waitForRuns("qorg-once", 1);
});

it("planned steps, sleeps, wait timeouts, the calls after them and invoked children carry it too", async () => {
  await client.send({ name: "test/all", data: { organizationId: org } });
  const [run] = await waitFor(async () => {
    const runs = await runsOf("qorg-all");
    return runs.length && (await pendingItems(runs[0].id, "resolve")) ? runs : null;
  }, "the sleep");
  h.clock.advance(61_000);
  await waitFor(async () => (await query(getDb(), sql`select 1 from inngest_waits where run_id = ${run.id}`)).length > 0, "the wait");
  h.clock.advance(61_000);
  const [done] = await waitForRuns("qorg-all", 1, "completed", 20_000);
  expect(done.output).toBe("child done");
  const [childRun] = await waitForRuns("qorg-child", 1);
  const owners = await query<{ org: string | null }>(getDb(), sql`select organization_id as org from inngest_runs where id = ${childRun.id}`);
  expect(owners).toEqual([{ org }]);
});
