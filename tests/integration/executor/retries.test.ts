import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NonRetriableError, RetryAfterError } from "inngest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { defaultBackoff } from "@/inngest/executor/apply-outcome";
import { runsOf, sleep, startHarness, testClient, waitFor, waitForRetry, waitForRuns, type Harness } from "@/tests/support/executor/harness";

const client = testClient("retries");
const count = new Map<string, number>();
const bump = (k: string) => {
  count.set(k, (count.get(k) ?? 0) + 1);
  return count.get(k)!;
};
const failures: unknown[] = [];

const flaky = client.createFunction({ id: "flaky", retries: 3, triggers: [{ event: "test/flaky" }] }, async ({ step }) => {
  await step.run("first", () => bump("flaky.first"));
  return step.run("flaky", () => {
    if (bump("flaky.attempts") < 3) throw new Error("not yet");
    return "ok";
  });
});

const doomed = client.createFunction(
  {
    id: "doomed",
    retries: 1,
    triggers: [{ event: "test/doomed" }],
    onFailure: async ({ error }) => void failures.push(error.message),
  },
  async ({ step }) => {
    await step.run("always-fails", () => {
      bump("doomed.attempts");
      throw new Error("broken for good");
    });
  },
);

const refuses = client.createFunction({ id: "refuses", retries: 4, triggers: [{ event: "test/refuse" }] }, async ({ step }) => {
  await step.run("check", () => {
    bump("refuses.attempts");
    throw new NonRetriableError("bad input");
  });
});

const throttled = client.createFunction({ id: "later", retries: 2, triggers: [{ event: "test/later" }] }, async ({ step }) =>
  step.run("call-api", () => {
    if (bump("later.attempts") === 1) throw new RetryAfterError("rate limited", "30m");
    return "done";
  }),
);

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  h = await startHarness({ client, functions: [flaky, doomed, refuses, throttled], executor: { backoff: defaultBackoff } });
});
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

const attempts = (k: string) => count.get(k) ?? 0;

describe("embedded executor: retries", () => {
  it("retries a failing step with backoff, then succeeds without re-running earlier steps", async () => {
    await client.send({ name: "test/flaky", data: {} });
    await waitForRetry("retries-flaky", 1);
    await sleep(150);
    expect(attempts("flaky.attempts")).toBe(1); // waits for the backoff, measured on the executor's clock
    h.clock.advance(defaultBackoff(0));
    await waitForRetry("retries-flaky", 2);
    expect(attempts("flaky.attempts")).toBe(2);
    h.clock.advance(defaultBackoff(1));
    const [run] = await waitForRuns("retries-flaky", 1);
    expect(run.output).toBe("ok");
    expect(attempts("flaky.attempts")).toBe(3);
    expect(attempts("flaky.first")).toBe(1);
  });

  it("fails the run for good after the last attempt and runs onFailure", async () => {
    await client.send({ name: "test/doomed", data: {} });
    await waitForRetry("retries-doomed", 1);
    h.clock.advance(defaultBackoff(0));
    const [run] = await waitForRuns("retries-doomed", 1, "failed");
    expect(attempts("doomed.attempts")).toBe(2); // retries: 1 = two attempts
    expect(JSON.stringify(run.error)).toContain("broken for good");
    await waitFor(() => failures.length === 1, "onFailure handler");
    expect(String(failures[0])).toContain("broken for good");
  });

  it("does not retry a NonRetriableError", async () => {
    await client.send({ name: "test/refuse", data: {} });
    const [run] = await waitForRuns("retries-refuses", 1, "failed");
    h.clock.advance(3_600_000);
    await sleep(150);
    expect(attempts("refuses.attempts")).toBe(1);
    expect(JSON.stringify(run.error)).toContain("bad input");
  });

  it("honours RetryAfterError's delay instead of the default backoff", async () => {
    await client.send({ name: "test/later", data: {} });
    await waitForRetry("retries-later", 1);
    h.clock.advance(defaultBackoff(0) * 2);
    await sleep(150);
    expect(attempts("later.attempts")).toBe(1);
    h.clock.advance(30 * 60_000);
    const [run] = await waitForRuns("retries-later", 1);
    expect(run.output).toBe("done");
    expect((await runsOf("retries-later")).length).toBe(1);
  });
});
