import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { serve } from "inngest/node";
import { getDb } from "@/db";
import { webhookEvents } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { embeddedEventKey, embeddedSigningKey } from "@/inngest/mode";
import { signBody } from "@/inngest/executor/signing";
import { sdkTransport } from "@/inngest/executor/sdk-transport";
import { query } from "@/inngest/executor/db";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { runsOf, startHarness, testClient, waitForRuns, type Harness } from "@/tests/support/executor/harness";

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  // handler undefined: in-process calls go to Papo's own serve handler (inngest/serve-handler.ts), as in server.ts.
  h = await startHarness({ client: inngest, functions, executor: { handler: undefined } });
});
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

const callBody = (webhookEventId: string) => ({
  event: { name: "papo/webhook.received", data: { webhookEventId }, id: "evt_forged", ts: Date.now() },
  events: [{ name: "papo/webhook.received", data: { webhookEventId }, id: "evt_forged", ts: Date.now() }],
  steps: {},
  ctx: { run_id: "run_forged", attempt: 0, max_attempts: 1, stack: { stack: [], current: 0 } },
  version: 2,
});

async function insertWebhook() {
  const [row] = await getDb()
    .insert(webhookEvents)
    .values({ rawBody: new TextEncoder().encode("{}"), signatureValid: true })
    .returning({ id: webhookEvents.id });
  return row.id;
}

describe("Papo's Inngest app on the embedded executor", () => {
  it("process-webhook-event marks the webhook row processed", async () => {
    const id = await insertWebhook();
    await inngest.send({ name: "papo/webhook.received", data: { webhookEventId: id } });
    const [run] = await waitForRuns("papo-process-webhook-event", 1);
    expect(run.output).toEqual({ webhookEventId: id, status: "processed" });
    const [row] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, id));
    expect(row.status).toBe("processed");
    expect(row.processedAt).toBeInstanceOf(Date);
  });

  it("/api/inngest refuses unsigned and badly signed calls, and accepts the executor's signature", async () => {
    const id = await insertWebhook();
    const url = `${h.serveUrl}?fnId=papo-process-webhook-event&stepId=step`;
    const body = callBody(id);
    const post = (headers: Record<string, string>) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

    expect((await post({})).status).toBe(401);
    expect((await post({ "x-inngest-signature": signBody(body, "signkey-papo-" + "ab".repeat(32)) })).status).toBe(401);
    expect((await post({ "x-inngest-signature": signBody(body, embeddedSigningKey(), Date.now() - 10 * 60_000) })).status).toBe(401);
    const [untouched] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, id));
    expect(untouched.status).toBe("received");

    const signed = await post({ "x-inngest-signature": signBody(body, embeddedSigningKey()) });
    expect(signed.status).toBe(206); // the first step ran: the refusals above were about the signature only
  });

  it("in-process calls go to the same serve handler, which verifies the signature as over HTTP", async () => {
    const id = await insertWebhook();
    const body = callBody(id);
    const call = sdkTransport("inprocess");
    const post = (headers: Record<string, string>) =>
      call(
        new Request(`${h.serveUrl}?fnId=papo-process-webhook-event&stepId=step`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify(body),
        }),
      );
    expect((await post({})).status).toBe(401);
    expect((await post({ "x-inngest-signature": signBody(body, "signkey-papo-" + "ab".repeat(32)) })).status).toBe(401);
    const [untouched] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, id));
    expect(untouched.status).toBe("received");
    expect((await post({ "x-inngest-signature": signBody(body, embeddedSigningKey()) })).status).toBe(206);
  });

  it("the event API over HTTP needs the event key and answers { ids, status: 200 }", async () => {
    const base = `${h.origin}/api/inngest-executor/e`;
    const event = { name: "papo/test.ping", data: { message: "hi" } };
    const wrong = await fetch(`${base}/not-the-key`, { method: "POST", body: JSON.stringify(event) });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${base}/${embeddedEventKey()}`, { method: "POST", body: JSON.stringify([event]) });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { ids: string[]; status: number };
    expect(body.status).toBe(200);
    expect(body.ids).toHaveLength(1);
    const [stored] = await query<{ name: string }>(getDb(), sql`select name from inngest_events where id = ${body.ids[0]}`);
    expect(stored.name).toBe("papo/test.ping");
  });

  it("registration fails with a clear error when a function uses an unsupported option", async () => {
    const other = testClient("unsupported");
    const debounced = other.createFunction(
      { id: "debounced", debounce: { period: "5s" }, triggers: [{ event: "test/x" }] },
      async () => "never",
    );
    const server = http.createServer(serve({ client: other, functions: [debounced] }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`, { method: "PUT" });
      const text = await res.text();
      expect(res.status).not.toBe(200);
      expect(text).toContain('function \\"unsupported-debounced\\": option \\"debounce\\" is not supported');
      expect(await runsOf("unsupported-debounced")).toEqual([]);
      const fns = await query(getDb(), sql`select id from inngest_functions where app_id = 'unsupported'`);
      expect(fns).toEqual([]);
    } finally {
      server.close();
    }
  });
});
