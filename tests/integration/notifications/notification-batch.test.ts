import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { templates } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { sendMessage } from "@/inngest/functions/send-message";
import { processNotificationBatch } from "@/inngest/functions/process-notification-batch";
import { POST as postBatch } from "@/app/api/v1/orgs/[orgSlug]/notifications/batch/route";
import { GET as getBatch } from "@/app/api/v1/orgs/[orgSlug]/notifications/batch/[batchId]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { loadOrgContext } from "@/lib/auth/org-context";
import { createChannel } from "@/lib/channels/create-channel";
import { resetEnvForTests } from "@/lib/env";
import { signUp } from "@/lib/users/sign-up";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { sleep, startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";

const ACCESS_TOKEN = "EAAG-test-token-for-the-graph-mock-000";
const PHONE_NUMBER_ID = "118293746507002";
const WABA = "104857392018275";
/** The channel's send rate (WHATSAPP_SEND_RATE_PER_SECOND), lowered from Meta's 80/s default only to keep the test short. */
const RATE = 50;
/**
 * Recipients in the measured batch. The API takes up to 1,000 (a 1,001-item batch is refused below); each accepted
 * item becomes one durable send, and on this shared 2-core box under load a full 1,000 takes longer than a test
 * should, so the default is 250 — `BATCH_N=1000` runs the full billing run (same assertions).
 */
const N = Number(process.env.BATCH_N ?? 250);

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let slug: string;
let token: string;

beforeAll(async () => {
  process.env.WHATSAPP_SEND_RATE_PER_SECOND = String(RATE);
  resetEnvForTests();
  mock = await startGraphMock({ accessToken: ACCESS_TOKEN });
  process.env.META_GRAPH_API_URL = mock.url;
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions: [sendMessage, processNotificationBatch] });
  const { user, organization } = await signUp({ name: "A", email: "batch@example.test", password: "password123", organizationName: "Batch" });
  slug = organization.slug;
  const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  mock.addPhoneNumber({ phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA, accessToken: ACCESS_TOKEN });
  await createChannel(ctx, { provider: "cloud", name: "Main", displayPhoneNumber: "+5511955550124", phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA, accessToken: ACCESS_TOKEN, appSecret: "0123456789abcdef0123456789abcdef" });
  token = (await createApiKey(ctx, { name: "billing run", role: "admin" })).token;
  await getDb().insert(templates).values({ organizationId: organization.id, wabaId: WABA, name: "boleto_aviso", language: "pt_BR", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: "Olá {{1}}, boleto de {{2}}." }] });
}, 240_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
  delete process.env.WHATSAPP_SEND_RATE_PER_SECOND;
  resetEnvForTests();
});

const params = <T>(p: T) => ({ params: Promise.resolve(p) });
const auth = { authorization: `Bearer ` };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function readBatch(id: string): Promise<Json> {
  const res = await getBatch(new Request("http://localhost/x", { headers: { authorization: `${auth.authorization}${token}` } }), params({ orgSlug: slug, batchId: id }));
  expect(res.status).toBe(200);
  return (await res.json()).batch;
}

describe("POST /notifications/batch", () => {
  it(`${N} recipients: accepted at once, sent at the channel's rate, each item's result readable`, async () => {
    const items: Json[] = Array.from({ length: N }, (_, i) => ({
      to: `+55119${String(80_000_000 + i)}`,
      template: { name: "boleto_aviso", language: "pt_BR", parameters: [`Cliente ${i}`, `R$ ${i},00`] },
      idempotencyKey: `invoice-${i}`,
    }));
    items[10] = { to: "12", template: items[10].template, idempotencyKey: "invoice-10" }; // not a phone number
    items[20] = { to: items[20].to, text: "sem template", idempotencyKey: "invoice-20" }; // no window open: refused
    const tooMany = await postBatch(
      new Request("http://localhost/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ items: Array.from({ length: 1001 }, () => items[0]) }) }),
      params({ orgSlug: slug }),
    );
    expect(tooMany.status).toBe(422);
    expect((await tooMany.json()).error.issues[0]).toMatchObject({ path: "items", message: "A batch has at most 1000 items" });
    const res = await postBatch(
      new Request("http://localhost/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ items }) }),
      params({ orgSlug: slug }),
    );
    expect(res.status).toBe(202);
    const { batch } = await res.json();
    expect(batch).toMatchObject({ total: N, status: "processing" });

    // Measured at "Meta": within each second of the executor's (manual) clock at most RATE sends leave, however
    // long we wait; the next second lets RATE more through, until all are sent.
    const expected = N - 2;
    for (let second = 1; mock.messages.length < expected; second++) {
      let last = -1;
      let movedAt = Date.now();
      // Wait until this second's quota is used, or nothing has moved for a while (items still being queued).
      await waitFor(
        async () => {
          const n = mock.messages.length;
          if (n >= Math.min(expected, RATE * second)) return true;
          if (n !== last) [last, movedAt] = [n, Date.now()];
          return Date.now() - movedAt > 3_000;
        },
        `second ${second}`,
        120_000,
      );
      await sleep(300);
      expect(mock.messages.length, `sends after ${second} clock second(s)`).toBeLessThanOrEqual(RATE * second);
      h.clock.advance(1_000);
      if (second > 200) throw new Error(`only ${mock.messages.length} of ${expected} sent after 200 clock seconds`);
    }
    expect(mock.messages.length).toBe(expected);
    expect(new Set(mock.messages.map((m) => m.to)).size).toBe(expected);

    const done = await waitFor(async () => {
      const b = await readBatch(batch.id);
      return b.status === "done" ? b : null;
    }, "the batch to finish");
    expect(done.counts).toMatchObject({ accepted: N - 2, refused: 2, pending: 0 });
    expect(done.items[10]).toMatchObject({ result: "refused", messageId: null, error: { code: "invalid_input" } });
    expect(done.items[20]).toMatchObject({ result: "refused", error: { code: "outside_window" } });
    expect(done.items[0]).toMatchObject({ result: "accepted", messageId: expect.any(String), deliveryPath: "whatsapp" });
  }, 900_000);
});
