import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { cancelRun, handleExecutorApi } from "@/inngest/executor";
import { readCounters, resetCounters } from "@/inngest/executor/counters";
import { query } from "@/inngest/executor/db";
import { hashedSigningKey } from "@/inngest/executor/signing";
import { embeddedSigningKey, EMBEDDED_ORIGIN } from "@/inngest/mode";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { pendingItems, runsOf, startHarness, testClient, waitFor, waitForRuns, type Harness } from "@/tests/support/executor/harness";

const client = testClient("ckpt");
const count = new Map<string, number>();
const bump = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
const times = (k: string) => count.get(k) ?? 0;

const five = client.createFunction({ id: "five", triggers: [{ event: "test/five" }] }, async ({ step }) => {
  let total = 0;
  for (const n of [1, 2, 3, 4, 5]) total += await step.run(`s${n}`, () => (bump(`five.s${n}`), n));
  return total;
});

const throwsOnce = client.createFunction({ id: "throws-once", retries: 2, triggers: [{ event: "test/throws" }] }, async ({ step }) => {
  const a = await step.run("a", () => (bump("throws.a"), "A"));
  const b = await step.run("b", () => (bump("throws.b"), "B"));
  const c = await step.run("c", () => {
    bump("throws.c");
    if (times("throws.c") === 1) throw new Error("first attempt fails");
    return "C";
  });
  const d = await step.run("d", () => (bump("throws.d"), "D"));
  return a + b + c + d;
});

const child = client.createFunction({ id: "child", triggers: [{ event: "test/never" }] }, async ({ event }) => ({
  doubled: (event.data as { n: number }).n * 2,
}));
const mixed = client.createFunction({ id: "mixed", triggers: [{ event: "test/mixed" }] }, async ({ step, event }) => {
  await step.run("one", () => bump("mixed.one"));
  await step.run("two", () => bump("mixed.two"));
  await step.sleep("nap", "1h");
  await step.run("three", () => bump("mixed.three"));
  const paid = await step.waitForEvent("paid", { event: "test/mixed.paid", match: "data.orderId", timeout: "1d" });
  await step.run("four", () => bump("mixed.four"));
  const invoked = await step.invoke("call-child", { function: child, data: { n: 21 } });
  const [x, y] = await Promise.all([step.run("x", () => (bump("mixed.x"), "X")), step.run("y", () => (bump("mixed.y"), "Y"))]);
  await step.run("five", () => bump("mixed.five"));
  return { order: event.data.orderId, paidWith: paid?.data.method, invoked, xy: x + y };
});

// Cancels its own run from inside the first step: the checkpoint of that step must come back 409, and the SDK
// must stop there instead of running "after".
const cancelsItself = client.createFunction({ id: "cancels-itself", triggers: [{ event: "test/cancel-self" }] }, async ({ step, runId }) => {
  await step.run("cancel", async () => {
    bump("self.cancel");
    await cancelRun(runId);
  });
  await step.run("after", () => bump("self.after"));
  return "should not finish";
});

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  h = await startHarness({ client, functions: [five, throwsOnce, child, mixed, cancelsItself] });
});
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

const stepIdsOf = async (runId: string) =>
  (await query<{ name: string }>(getDb(), sql`select name from inngest_steps where run_id = ${runId} order by seq`)).map((s) => s.name);

describe("embedded executor: checkpointing (SDK v4 default)", () => {
  it("runs a 5-step function in one SDK call, each step checkpointed once", async () => {
    resetCounters();
    await client.send({ name: "test/five", data: {} });
    const [run] = await waitForRuns("ckpt-five", 1);
    expect(run.output).toBe(15);
    const c = readCounters();
    expect(c.sdkCalls).toBe(1);
    expect(c.checkpoints).toBe(5);
    expect(c.sqlStatements).toBeGreaterThan(0);
    expect([1, 2, 3, 4, 5].map((n) => times(`five.s${n}`))).toEqual([1, 1, 1, 1, 1]);
    expect(await stepIdsOf(run.id)).toEqual(["s1", "s2", "s3", "s4", "s5"]);
  });

  it("stores only the protocol's fields of a checkpointed step", async () => {
    const [run] = await runsOf("ckpt-five");
    const [step] = await query<{ result: unknown; name: string; duration_ms: number | null }>(
      getDb(),
      sql`select result, name, duration_ms from inngest_steps where run_id = ${run.id} order by seq limit 1`,
    );
    expect(step.result).toEqual({ type: "data", data: 1 });
    expect(step.name).toBe("s1");
    expect(step.duration_ms).not.toBeNull();
  });

  it("retries a step that throws mid-run without re-running the steps checkpointed before it", async () => {
    await client.send({ name: "test/throws", data: {} });
    const [run] = await waitForRuns("ckpt-throws-once", 1);
    expect(run.output).toBe("ABCD");
    expect([times("throws.a"), times("throws.b"), times("throws.c"), times("throws.d")]).toEqual([1, 1, 2, 1]);
  });

  it("sleeps, waits for an event, invokes and runs parallel steps after checkpointed steps, each step once", async () => {
    resetCounters();
    await client.send({ name: "test/mixed", data: { orderId: "o-7" } });
    const run = await waitFor(async () => {
      const [r] = await runsOf("ckpt-mixed");
      return r && (await pendingItems(r.id, "resolve")) === 1 ? r : undefined;
    }, "the sleep to be scheduled");
    expect([times("mixed.one"), times("mixed.two"), times("mixed.three")]).toEqual([1, 1, 0]);
    // One call ran "one", "two" and reached the sleep; the checkpointed results are not a reason to call again.
    expect(await pendingItems(run.id, "call")).toBe(0);
    expect(readCounters().sdkCalls).toBe(1);
    h.clock.advance(3_600_000);
    await waitFor(async () => times("mixed.three") === 1 && (await pendingItems(run.id, "resolve")) === 1, "the wait for test/mixed.paid");
    await client.send({ name: "test/mixed.paid", data: { orderId: "o-7", method: "pix" } });
    const [done] = await waitForRuns("ckpt-mixed", 1);
    expect(done.output).toEqual({ order: "o-7", paidWith: "pix", invoked: { doubled: 42 }, xy: "XY" });
    expect(["one", "two", "three", "four", "x", "y", "five"].map((s) => times(`mixed.${s}`))).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(await pendingItems(done.id, "call")).toBe(0);
  });

  it("answers 409 to a checkpoint of a stale dispatch, and the SDK stops there", async () => {
    await client.send({ name: "test/cancel-self", data: {} });
    const [run] = await waitForRuns("ckpt-cancels-itself", 1, "cancelled");
    await waitFor(() => times("self.cancel") === 1, "the cancelling step");
    // Give a (wrongly) continuing SDK every chance to run the next step.
    await new Promise((r) => setTimeout(r, 300));
    expect(times("self.after")).toBe(0);
    expect(await stepIdsOf(run.id)).toEqual([]);
  });

  it("refuses checkpoints that are not this lease holder's, unauthenticated or malformed", async () => {
    const [run] = await runsOf("ckpt-five");
    const post = (body: unknown, auth = `Bearer ${hashedSigningKey(embeddedSigningKey())}`) =>
      handleExecutorApi(
        new Request(`${EMBEDDED_ORIGIN}/v1/checkpoint/${run.id}/async`, {
          method: "POST",
          headers: { authorization: auth, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
    const step = { id: "x1", op: "StepRun", name: "late", data: 1 };
    const stale = { run_id: run.id, fn_id: "ckpt-five", qi_id: `999999:${randomBytes(4).toString("hex")}:n`, steps: [step] };
    expect((await post(stale)).status).toBe(409);
    expect((await post(stale, "Bearer nope")).status).toBe(401);
    expect((await post({ ...stale, steps: "nope" })).status).toBe(400);
    expect((await post({ ...stale, run_id: "run_other" })).status).toBe(400);
    expect(await stepIdsOf(run.id)).not.toContain("late");
  });
});
