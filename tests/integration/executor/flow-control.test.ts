import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { pendingItems, runsOf, sleep, startHarness, testClient, waitFor, waitForRuns, type Harness } from "@/tests/support/executor/harness";

const client = testClient("flow");
const log: { conv: string; n: number; at: "start" | "end"; t: number }[] = [];
const started: string[] = [];

const serial = client.createFunction(
  { id: "serial", concurrency: { limit: 1, key: "event.data.conv" }, triggers: [{ event: "test/message" }] },
  async ({ event, step }) => {
    const { conv, n } = event.data as { conv: string; n: number };
    await step.run("start", async () => {
      log.push({ conv, n, at: "start", t: performance.now() });
      await sleep(40);
    });
    await step.run("end", async () => {
      await sleep(40);
      log.push({ conv, n, at: "end", t: performance.now() });
    });
  },
);

const throttled = client.createFunction(
  { id: "throttled", throttle: { limit: 2, period: "1m" }, triggers: [{ event: "test/throttled" }] },
  async ({ event, step }) => step.run("go", () => void started.push(String(event.data.n))),
);

const cancellable = client.createFunction(
  { id: "cancellable", cancelOn: [{ event: "test/cancel", match: "data.id" }], triggers: [{ event: "test/long" }] },
  async ({ event, step }) => {
    await step.sleep("wait", "1h");
    await step.run("after-sleep", () => void started.push(`after-${event.data.id}`));
  },
);

const once = client.createFunction(
  { id: "once", idempotency: "event.data.userId", triggers: [{ event: "test/signup" }] },
  async ({ event }) => event.data.userId,
);

const ticking = client.createFunction({ id: "ticking", triggers: [{ cron: "*/5 * * * *" }] }, async ({ event }) => event.name);

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  h = await startHarness({ client, functions: [serial, throttled, cancellable, once, ticking] });
});
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

describe("embedded executor: flow control", () => {
  it("concurrency key: same key one run after the other in order, different keys in parallel", async () => {
    const events = [1, 2, 3].flatMap((n) => ["A", "B"].map((conv) => ({ name: "test/message", data: { conv, n } })));
    await client.send(events);
    await waitForRuns("flow-serial", 6, "completed", 20_000);
    for (const conv of ["A", "B"]) {
      const mine = log.filter((e) => e.conv === conv);
      // start/end pairs strictly alternate and in send order: no two runs of one key ever overlap.
      expect(mine.map((e) => `${e.n}:${e.at}`)).toEqual(["1:start", "1:end", "2:start", "2:end", "3:start", "3:end"]);
    }
    const window = (conv: string, n: number) => [
      log.find((e) => e.conv === conv && e.n === n && e.at === "start")!.t,
      log.find((e) => e.conv === conv && e.n === n && e.at === "end")!.t,
    ];
    const [a0, a1] = window("A", 1);
    const [b0, b1] = window("B", 1);
    expect(a0 < b1 && b0 < a1).toBe(true); // A1 and B1 overlapped in time
  });

  it("throttle: at most `limit` run starts per period, the rest delayed (not dropped)", async () => {
    await client.send([1, 2, 3, 4, 5].map((n) => ({ name: "test/throttled", data: { n } })));
    await waitForRuns("flow-throttled", 2);
    await sleep(200);
    expect(started.filter((s) => /^\d$/.test(s))).toHaveLength(2);
    h.clock.advance(60_000);
    await waitForRuns("flow-throttled", 4);
    await sleep(200);
    expect(started.filter((s) => /^\d$/.test(s))).toHaveLength(4);
    h.clock.advance(60_000);
    await waitForRuns("flow-throttled", 5);
    expect(started.filter((s) => /^\d$/.test(s)).sort()).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("cancelOn: a matching event cancels the run, others carry on", async () => {
    await client.send([
      { name: "test/long", data: { id: "x" } },
      { name: "test/long", data: { id: "y" } },
    ]);
    await waitFor(async () => {
      const runs = await runsOf("flow-cancellable");
      return runs.length === 2 && (await Promise.all(runs.map((r) => pendingItems(r.id, "resolve")))).every((n) => n === 1);
    }, "both runs to sleep");
    await client.send({ name: "test/cancel", data: { id: "x" } });
    await waitForRuns("flow-cancellable", 1, "cancelled");
    h.clock.advance(3_600_000);
    await waitForRuns("flow-cancellable", 1, "completed");
    await sleep(100);
    expect(started.filter((s) => s.startsWith("after-"))).toEqual(["after-y"]);
  });

  it("idempotency key: one run per key per 24 h; the same event id twice triggers once", async () => {
    await client.send([
      { name: "test/signup", data: { userId: "u1" } },
      { name: "test/signup", data: { userId: "u1" } },
      { name: "test/signup", data: { userId: "u2" } },
    ]);
    await waitForRuns("flow-once", 2);
    await client.send({ name: "test/signup", id: "evt-fixed", data: { userId: "u3" } });
    await client.send({ name: "test/signup", id: "evt-fixed", data: { userId: "u3" } });
    await waitForRuns("flow-once", 3);
    await sleep(150);
    expect((await runsOf("flow-once")).map((r) => r.output).sort()).toEqual(["u1", "u2", "u3"]);
    h.clock.advance(24 * 3_600_000 + 1);
    await client.send({ name: "test/signup", data: { userId: "u1" } });
    await waitForRuns("flow-once", 4);
  });

  it("cron: two executor instances fire once per tick", async () => {
    await sleep(100); // earlier tests moved the clock across ticks: count from here
    const before = (await runsOf("flow-ticking")).length;
    const second = await h.startAnotherExecutor();
    const fivemin = 5 * 60_000;
    const nextTick = Math.floor(h.clock.now() / fivemin) * fivemin + fivemin;
    h.clock.set(nextTick + 1_000);
    await waitForRuns("flow-ticking", before + 1);
    h.clock.advance(60_000); // not a tick
    await sleep(200);
    h.clock.set(nextTick + fivemin + 2_000);
    await waitForRuns("flow-ticking", before + 2);
    await sleep(200);
    const runs = await runsOf("flow-ticking");
    expect(runs).toHaveLength(before + 2);
    expect(runs.every((r) => r.output === "inngest/scheduled.timer")).toBe(true);
    await second.stop();
  });
});
