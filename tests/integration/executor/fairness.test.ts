import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db";
import { query } from "@/inngest/executor/db";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, testClient, waitForRuns, type Harness } from "@/tests/support/executor/harness";

/**
 * One organization's backlog must not delay another's reply: the queue is claimed in turns across organizations
 * (inngest/executor/claim.ts). Asserts positions in the order work started, never wall-clock time.
 */
const client = testClient("fair");
const orgA = randomUUID();
const orgB = randomUUID();
const started: string[] = [];

const send = client.createFunction({ id: "send", triggers: [{ event: "test/send" }] }, async ({ event, step }) => {
  await step.run("send", () => void started.push(`A${String(event.data.n)}`));
});
// Keyed per conversation, like a bot reply: fairness must hold on the flow-controlled path too.
const reply = client.createFunction(
  { id: "reply", concurrency: { limit: 1, key: "event.data.conversation" }, triggers: [{ event: "test/reply" }] },
  async ({ event, step }) => {
    await step.run("reply", () => void started.push(`B${String(event.data.n)}`));
  },
);

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  h = await startHarness({ client, functions: [send, reply] });
  await h.executor.stop(); // queue everything first, then let a fresh executor work through it
});
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

it("10,000 queued sends of organization A do not delay organization B's reply", async () => {
  for (let i = 0; i < 10_000; i += 1000) {
    await client.send(Array.from({ length: 1000 }, (_, j) => ({ name: "test/send", data: { organizationId: orgA, n: i + j } })));
  }
  await client.send([1, 2].map((n) => ({ name: "test/reply", data: { organizationId: orgB, conversation: "c1", n } })));
  const queued = await query<{ org: string; n: number }>(
    getDb(),
    sql`select organization_id as org, count(*)::int as n from inngest_queue group by organization_id`,
  );
  expect(Object.fromEntries(queued.map((q) => [q.org, Number(q.n)]))).toEqual({ [orgA]: 10_000, [orgB]: 2 });

  await h.startAnotherExecutor({ maxInFlight: 4 });
  await waitForRuns("fair-reply", 2, "completed", 60_000);
  // B's first reply is claimed in the first batch, beside A's oldest sends; its second waits only for the first
  // (same conversation key: order within a key is kept), never for A's backlog.
  expect(started.indexOf("B1")).toBeGreaterThanOrEqual(0);
  expect(started.indexOf("B1")).toBeLessThan(4);
  expect(started.indexOf("B2")).toBeGreaterThan(started.indexOf("B1"));
  expect(started.indexOf("B2")).toBeLessThan(16);
}, 240_000);
