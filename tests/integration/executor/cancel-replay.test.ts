import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { cancelRun, replayRun } from "@/inngest/executor";
import { query } from "@/inngest/executor/db";
import { getRunOrThrow } from "@/lib/runs/get-run-or-throw";
import { listEvents } from "@/lib/runs/list-events";
import { listRuns } from "@/lib/runs/list-runs";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { pendingItems, runsOf, sleep, startHarness, testClient, waitFor, waitForRuns, type Harness } from "@/tests/support/executor/harness";

const client = testClient("ops");
const count = new Map<string, number>();
const bump = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);

const sleeper = client.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
  await step.run("before", () => bump("sleep.before"));
  await step.sleep("nap", "1h");
  await step.run("after", () => bump("sleep.after"));
  return "awake";
});

const echo = client.createFunction(
  // Idempotency would stop a second run for the same event; a replay is a person asking, so it must not.
  { id: "echo", idempotency: "event.data.key", triggers: [{ event: "test/echo" }] },
  async ({ event, step }) => {
    const said = await step.run("say", () => (bump("echo"), { said: event.data.key }));
    return said;
  },
);

const child = client.createFunction({ id: "child", triggers: [{ event: "test/never" }] }, async () => "child done");
const parent = client.createFunction({ id: "parent", triggers: [{ event: "test/invoke" }] }, async ({ step }) =>
  step.invoke("call-child", { function: child, data: {} }),
);

let db: TestDatabase;
let h: Harness;
const orgA = randomUUID();
const orgB = randomUUID();

beforeAll(async () => {
  db = await createTestDatabase();
  h = await startHarness({ client, functions: [sleeper, echo, child, parent] });
});
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

describe("executor operations: cancelRun and replayRun", () => {
  it("a cancelled sleeping run never resumes, and cancelling it again is a no-op", async () => {
    await client.send({ name: "test/sleep", data: { organizationId: orgA } });
    const run = await waitFor(async () => {
      const [r] = await runsOf("ops-sleeper");
      return r && (await pendingItems(r.id, "resolve")) === 1 ? r : undefined;
    }, "the sleep to be scheduled");

    expect(await cancelRun(run.id)).toBe(true);
    const [row] = await query<{ status: string; error: { message: string }; ended_at: string | null }>(
      getDb(),
      sql`select status, error, ended_at from inngest_runs where id = ${run.id}`,
    );
    expect(row.status).toBe("cancelled");
    expect(row.ended_at).not.toBeNull();
    expect(row.error.message).toMatch(/cancelled by a person/);
    expect(await pendingItems(run.id, "resolve")).toBe(0);
    expect(await pendingItems(run.id, "call")).toBe(0);

    h.clock.advance(2 * 3_600_000);
    h.executor.wake();
    await sleep(300);
    expect(count.get("sleep.after")).toBeUndefined();
    expect((await runsOf("ops-sleeper"))[0].status).toBe("cancelled");
    expect(await cancelRun(run.id)).toBe(false);
    expect(await cancelRun("run_doesnotexist")).toBe(false);
  });

  it("a replay runs the function again with the same event, in the same organization, and both runs are listed", async () => {
    await client.send({ name: "test/echo", data: { organizationId: orgA, key: "k1" } });
    const [first] = await waitForRuns("ops-echo", 1);
    const replayId = await replayRun(first.id);
    expect(replayId).not.toBe(first.id);
    const both = await waitForRuns("ops-echo", 2);
    expect(count.get("echo")).toBe(2);
    const replayed = both.find((r) => r.id === replayId)!;
    expect(replayed.event).toEqual(first.event);
    expect(replayed.output).toEqual({ said: "k1" });

    const listed = await listRuns(orgA, { functionId: "ops-echo", limit: 10 });
    expect(listed.runs.map((r) => r.id)).toEqual([replayId, first.id]);
    const events = await listEvents(orgA, { limit: 50 });
    const event = events.events.find((e) => e.name === "test/echo")!;
    expect(event.runs.map((r) => r.id).sort()).toEqual([first.id, replayId].sort());
  });

  it("stores each memoized step's name and timing for the run page", async () => {
    const [run] = await waitForRuns("ops-echo", 1);
    const detail = await getRunOrThrow(orgA, run.id);
    expect(detail.status).toBe("completed");
    expect(detail.event.name).toBe("test/echo");
    expect(detail.steps).toHaveLength(1);
    expect(detail.steps[0]).toMatchObject({ name: "say", status: "ok", output: { said: "k1" } });
    expect(detail.steps[0].durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(detail.steps[0].startedAt!)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe("runs and events belong to the event's organization", () => {
  it("organization B never sees organization A's runs or events", async () => {
    const mine = await listRuns(orgA, { limit: 200 });
    expect(mine.runs.length).toBeGreaterThan(0);
    expect((await listRuns(orgB, { limit: 200 })).runs).toEqual([]);
    expect((await listEvents(orgB, { limit: 200 })).events).toEqual([]);
    await expect(getRunOrThrow(orgB, mine.runs[0].id)).rejects.toMatchObject({ code: "not_found" });

    await client.send({ name: "test/echo", data: { organizationId: orgB, key: "kb" } });
    await waitForRuns("ops-echo", 3);
    const theirs = await listRuns(orgB, { limit: 200 });
    expect(theirs.runs).toHaveLength(1);
    expect(mine.runs.map((r) => r.id)).not.toContain(theirs.runs[0].id);
  });

  it("an invoked run takes its parent's organization; events without a UUID organizationId belong to none", async () => {
    await client.send({ name: "test/invoke", data: { organizationId: orgB } });
    await waitForRuns("ops-parent", 1);
    const [childRun] = await waitForRuns("ops-child", 1);
    const [row] = await query<{ organization_id: string | null }>(getDb(), sql`select organization_id from inngest_runs where id = ${childRun.id}`);
    expect(row.organization_id).toBe(orgB);

    await client.send({ name: "test/echo", data: { organizationId: "not-a-uuid", key: "kx" } });
    const runs = await waitForRuns("ops-echo", 4);
    const stray = runs.find((r) => r.event.data.key === "kx")!;
    const [strayRow] = await query<{ organization_id: string | null }>(getDb(), sql`select organization_id from inngest_runs where id = ${stray.id}`);
    expect(strayRow.organization_id).toBeNull();
  });

  it("paginates an organization's runs and events newest first without gaps or repeats", async () => {
    const org = randomUUID();
    await client.send(Array.from({ length: 5 }, (_, i) => ({ name: "test/echo", data: { organizationId: org, key: `page-${i}` } })));
    await waitFor(async () => (await listRuns(org, { limit: 10 })).runs.length === 5, "5 runs");
    const seen: string[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await listRuns(org, { limit: 2, before });
      seen.push(...page.runs.map((r) => r.id));
      if (!page.next) break;
      before = Number(page.next);
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);

    const events: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listEvents(org, { limit: 2, before: cursor });
      events.push(...page.events.map((e) => e.id));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(events).toHaveLength(5);
    expect(new Set(events).size).toBe(5);
  });
});
