import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { pendingItems, runsOf, sleep, startHarness, testClient, waitFor, waitForRuns, type Harness } from "@/tests/support/executor/harness";

const client = testClient("steps");
const count = new Map<string, number>();
const bump = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);

const memo = client.createFunction({ id: "memo", triggers: [{ event: "test/memo" }] }, async ({ step }) => {
  const a = await step.run("a", () => (bump("memo.a"), 1));
  const b = await step.run("b", () => (bump("memo.b"), a + 1));
  const c = await step.run("c", () => (bump("memo.c"), b + 1));
  return { a, b, c };
});

const sleeper = client.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
  await step.run("before", () => bump("sleep.before"));
  await step.sleep("nap", "1h");
  await step.run("after", () => bump("sleep.after"));
  return "awake";
});

const waiter = client.createFunction({ id: "waiter", triggers: [{ event: "test/order.created" }] }, async ({ step }) => {
  const paid = await step.waitForEvent("wait-paid", { event: "test/order.paid", match: "data.orderId", timeout: "1d" });
  return paid ? { paidWith: paid.data.method } : "timed-out";
});

const fanout = client.createFunction({ id: "fanout", triggers: [{ event: "test/fanout" }] }, async ({ step }) => {
  const parts = await Promise.all([step.run("x", () => (bump("fan.x"), "X")), step.run("y", () => (bump("fan.y"), "Y"))]);
  return parts.join("");
});

const sender = client.createFunction({ id: "sender", triggers: [{ event: "test/send" }] }, async ({ step }) => {
  await step.sendEvent("emit", { name: "test/sent", data: { from: "sender" } });
});
const receiver = client.createFunction({ id: "receiver", triggers: [{ event: "test/sent" }] }, async ({ event }) => event.data);

const child = client.createFunction({ id: "child", triggers: [{ event: "test/never" }] }, async ({ event }) => ({
  doubled: (event.data as { n: number }).n * 2,
}));
const parent = client.createFunction({ id: "parent", triggers: [{ event: "test/invoke" }] }, async ({ step }) =>
  step.invoke("call-child", { function: child, data: { n: 21 } }),
);

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  h = await startHarness({ client, functions: [memo, sleeper, waiter, fanout, sender, receiver, child, parent] });
});
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

describe("embedded executor: steps", () => {
  it("memoizes steps: each step that succeeded runs exactly once", async () => {
    await client.send({ name: "test/memo", data: {} });
    const [run] = await waitForRuns("steps-memo", 1);
    expect(run.output).toEqual({ a: 1, b: 2, c: 3 });
    expect([count.get("memo.a"), count.get("memo.b"), count.get("memo.c")]).toEqual([1, 1, 1]);
  });

  it("wakes a sleeping run only when the clock reaches the wake time", async () => {
    await client.send({ name: "test/sleep", data: {} });
    const run = await waitFor(async () => {
      const [r] = await runsOf("steps-sleeper");
      return r && (await pendingItems(r.id, "resolve")) === 1 ? r : undefined;
    }, "the sleep to be scheduled");
    h.clock.advance(59 * 60_000);
    h.executor.wake();
    await sleep(200);
    expect(count.get("sleep.after")).toBeUndefined();
    expect((await runsOf("steps-sleeper"))[0].status).toBe("running");
    h.clock.advance(60_000);
    await waitForRuns("steps-sleeper", 1);
    expect([count.get("sleep.before"), count.get("sleep.after")]).toEqual([1, 1]);
    expect((await runsOf("steps-sleeper"))[0].id).toBe(run.id);
  });

  it("resumes waitForEvent on the matching event only, and times out the others", async () => {
    await client.send([
      { name: "test/order.created", data: { orderId: "o1" } },
      { name: "test/order.created", data: { orderId: "o2" } },
    ]);
    await waitFor(async () => {
      const runs = await runsOf("steps-waiter");
      return runs.length === 2 && (await Promise.all(runs.map((r) => pendingItems(r.id, "resolve")))).every((n) => n === 1);
    }, "both runs to wait");
    await client.send({ name: "test/order.paid", data: { orderId: "o2", method: "pix" } });
    const [done] = await waitForRuns("steps-waiter", 1);
    expect(done.event.data.orderId).toBe("o2");
    expect(done.output).toEqual({ paidWith: "pix" });

    h.clock.advance(24 * 3_600_000 + 1000);
    const both = await waitForRuns("steps-waiter", 2);
    expect(both.find((r) => r.event.data.orderId === "o1")?.output).toBe("timed-out");
  });

  it("runs parallel steps (Promise.all) once each and returns both results", async () => {
    await client.send({ name: "test/fanout", data: {} });
    const [run] = await waitForRuns("steps-fanout", 1);
    expect(run.output).toBe("XY");
    expect([count.get("fan.x"), count.get("fan.y")]).toEqual([1, 1]);
  });

  it("delivers step.sendEvent to the functions it triggers", async () => {
    await client.send({ name: "test/send", data: {} });
    const [run] = await waitForRuns("steps-receiver", 1);
    expect(run.output).toEqual({ from: "sender" });
    await waitForRuns("steps-sender", 1);
  });

  it("step.invoke runs the other function and returns its result", async () => {
    await client.send({ name: "test/invoke", data: {} });
    const [run] = await waitForRuns("steps-parent", 1);
    expect(run.output).toEqual({ doubled: 42 });
  });
});
