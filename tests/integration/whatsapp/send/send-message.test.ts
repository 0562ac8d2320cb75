import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations, messages, templates } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { sendMessage } from "@/inngest/functions/send-message";
import { doubtGrace } from "@/inngest/functions/deliver-message";
import { createChannel } from "@/lib/channels/create-channel";
import { loadOrgContext } from "@/lib/auth/org-context";
import { signUp } from "@/lib/users/sign-up";
import { enqueueSend, queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { callbackDataFor, messageIdFromCallbackData } from "@/lib/whatsapp/graph/callback-data";
import { OutsideWindowError } from "@/lib/whatsapp/window/can-send-freeform";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { pendingItems, runsOf, startHarness, waitFor, waitForRetry, type Harness } from "@/tests/support/executor/harness";
import { playStatuses, startGraphMock, type GraphMock } from "@/tests/support/graph-mock";

const ACCESS_TOKEN = "EAAG-test-token-for-the-graph-mock-000";
const APP_SECRET = "0123456789abcdef0123456789abcdef";
const FN = "papo-send-message";
const GRACE_MS = 60_000;

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let receiver: http.Server;
let receiverUrl: string;
let org: { id: string };
let channelId: string;
let contactId: string;

beforeAll(async () => {
  // A grace sized to real status latency (WHATSAPP_SEND_DOUBT_GRACE_SECONDS), not ten minutes.
  expect(doubtGrace()).toBe("60s");
  mock = await startGraphMock({ accessToken: ACCESS_TOKEN });
  process.env.META_GRAPH_API_URL = mock.url;
  process.env.META_GRAPH_API_VERSION = "v24.0";
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions: [sendMessage] });
  const { user, organization } = await signUp({ name: "A", email: "send@example.test", password: "password123", organizationName: "Send" });
  org = organization;
  const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  mock.addPhoneNumber({ phoneNumberId: "118293746501928", wabaId: "104857392018274", accessToken: ACCESS_TOKEN });
  const channel = await createChannel(ctx, {
    provider: "cloud",
    name: "Main",
    displayPhoneNumber: "+5511955550123",
    phoneNumberId: "118293746501928",
    wabaId: "104857392018274",
    accessToken: ACCESS_TOKEN,
    appSecret: APP_SECRET,
  });
  channelId = channel.id;
  const [contact] = await getDb()
    .insert(contacts)
    .values({ organizationId: org.id, channelId, waId: "5511987650001", phoneE164: "+5511987650001", profileName: "Mariana" })
    .returning();
  contactId = contact.id;
  receiver = await startStatusReceiver();
});
afterAll(async () => {
  await h?.close();
  await mock?.close();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});
beforeEach(() => mock.reset());

/**
 * Stands in for the webhook side (another module): verifies Meta's signature over the raw bytes and turns each
 * status carrying Papo's callback data into papo/message.status.
 */
async function startStatusReceiver() {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const expected = Buffer.from(`sha256=${createHmac("sha256", APP_SECRET).update(raw).digest("hex")}`);
    const got = Buffer.from(String(req.headers["x-hub-signature-256"] ?? ""));
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) return void res.writeHead(401).end();
    type S = { id: string; status: "sent" | "delivered" | "read" | "failed"; biz_opaque_callback_data?: string };
    const body = JSON.parse(raw.toString("utf8")) as { entry: { changes: { value: { statuses?: S[] } }[] }[] };
    for (const s of body.entry.flatMap((e) => e.changes.flatMap((c) => c.value.statuses ?? []))) {
      const messageId = messageIdFromCallbackData(s.biz_opaque_callback_data);
      if (messageId) await inngest.send({ name: "papo/message.status", data: { organizationId: org.id, messageId, waMessageId: s.id, status: s.status } });
    }
    res.writeHead(200).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  return server;
}

async function conversation(windowExpiresAt: Date | null) {
  const [c] = await getDb().insert(conversations).values({ organizationId: org.id, channelId, contactId, windowExpiresAt }).returning();
  return c;
}
const open = () => conversation(new Date(Date.now() + 3_600_000));

async function queueText(body = "Seu pedido saiu para entrega", extra: { idempotencyKey?: string } = {}) {
  const c = await open();
  const { message } = await queueOutboundMessage({ organizationId: org.id, conversationId: c.id, message: { type: "text", body }, sender: "user", ...extra });
  return message;
}

const runOf = async (messageId: string) => (await runsOf(FN)).find((r) => r.event.data.messageId === messageId);
const finished = (messageId: string, status = "completed") =>
  waitFor(async () => {
    const r = await runOf(messageId);
    return r && r.status === status ? r : undefined;
  }, `run for ${messageId} to be ${status}`);
const waitingForStatus = (messageId: string) =>
  waitFor(async () => {
    const r = await runOf(messageId);
    return r && (await pendingItems(r.id, "resolve")) > 0 ? r : undefined;
  }, `run for ${messageId} to wait for a status`);
const row = async (id: string) => (await getDb().select().from(messages).where(and(eq(messages.organizationId, org.id), eq(messages.id, id))))[0];

describe("send-message: durable outbound sends", () => {
  it("sends once, with Papo's id in biz_opaque_callback_data, and stores the wamid", async () => {
    const m = await queueText();
    expect(m.status).toBe("queued");
    const run = await finished(m.id);
    expect(mock.messages).toHaveLength(1);
    const [sent] = mock.messages;
    expect(run.output).toEqual({ kind: "accepted", waMessageId: sent.wamid });
    expect(sent.body).toMatchObject({ to: "+5511987650001", type: "text", text: { body: "Seu pedido saiu para entrega" }, biz_opaque_callback_data: callbackDataFor(m.id) });
    expect(mock.messageCalls()[0].authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(mock.messageCalls()[0].path).toBe("/v24.0/118293746501928/messages");
    const stored = await row(m.id);
    expect(stored.waMessageId).toBe(sent.wamid);
    expect(stored.status).toBe("queued"); // accepted by Meta; `sent` arrives by webhook
  });

  it("130429 is a clear rejection: retried after the throughput backoff, exactly one message at Meta", async () => {
    mock.fail({ metaError: 130429 });
    const m = await queueText("rate limited first");
    await waitForRetry(FN, 1);
    expect(mock.messageCalls()).toHaveLength(1);
    h.clock.advance(5 * 60_000); // past the RetryAfterError delay on the executor's clock
    await finished(m.id);
    expect(mock.messageCalls()).toHaveLength(2);
    expect(mock.messages).toHaveLength(1);
    expect((await row(m.id)).waMessageId).toBe(mock.messages[0].wamid);
  });

  it("5xx is ambiguous: no status within the grace period → sent again once", async () => {
    mock.fail({ status: 500 });
    const m = await queueText("server error, not delivered");
    await waitingForStatus(m.id);
    expect(mock.messageCalls()).toHaveLength(1);
    h.clock.advance(GRACE_MS + 1000);
    await finished(m.id);
    expect(mock.messageCalls()).toHaveLength(2);
    expect(mock.messages).toHaveLength(1);
  });

  it("5xx is ambiguous: a status carrying the message id arrives → no second send", async () => {
    mock.fail({ status: 500, accepted: true }); // Meta took it, then failed to answer
    const m = await queueText("server error, but delivered");
    const run = await waitingForStatus(m.id);
    expect(mock.messages).toHaveLength(1);
    const [ghost] = mock.messages;
    const codes = await playStatuses(
      receiverUrl,
      APP_SECRET,
      (["sent", "delivered", "read"] as const).map((status) => ({ wamid: ghost.wamid, status, recipientId: "5511987650001", callbackData: ghost.callbackData })),
      { shuffle: true, duplicate: true },
    );
    expect(codes.every((c) => c === 200)).toBe(true);
    const done = await finished(m.id);
    expect(done.id).toBe(run.id);
    expect(done.output).toMatchObject({ kind: "confirmed-by-status", waMessageId: ghost.wamid });
    h.clock.advance(GRACE_MS + 1000);
    await new Promise((r) => setTimeout(r, 200));
    expect(mock.messageCalls()).toHaveLength(1);
    expect((await row(m.id)).waMessageId).toBe(ghost.wamid);
  });

  it("a dropped connection after the request left is ambiguous: waits for a status, then resends once", async () => {
    mock.fail({ drop: true });
    const m = await queueText("dropped");
    await waitingForStatus(m.id);
    expect(mock.messageCalls()).toHaveLength(1);
    h.clock.advance(GRACE_MS + 1000);
    await finished(m.id);
    expect(mock.messageCalls()).toHaveLength(2);
    expect(mock.messages).toHaveLength(1);
  });

  it("131047 is permanent: not retried, the row fails with Meta's text and an explanation", async () => {
    mock.fail({ metaError: 131047 });
    const m = await queueText("too late");
    await finished(m.id, "failed");
    expect(mock.messageCalls()).toHaveLength(1);
    const failed = await row(m.id);
    expect(failed).toMatchObject({
      status: "failed",
      errorCode: 131047,
      errorTitle: "Re-engagement message",
      errorDetails: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    });
    expect(failed.failedAt).toBeInstanceOf(Date);
    expect((failed.content.failure as { explanation: string }).explanation).toMatch(/Send an approved template instead/);
  });

  it("refuses a free-form message outside the window before calling Meta", async () => {
    const closed = await conversation(new Date(Date.now() - 60_000));
    const attempt = queueOutboundMessage({ organizationId: org.id, conversationId: closed.id, message: { type: "text", body: "hello?" }, sender: "user" });
    await expect(attempt).rejects.toBeInstanceOf(OutsideWindowError);
    await expect(attempt).rejects.toMatchObject({ reason: "outside_window", message: expect.stringContaining("template") });
    // A template may still go (an approved one, synced, whose body has no placeholders).
    await getDb()
      .insert(templates)
      .values({ organizationId: org.id, channelId, wabaId: "104857392018274", name: "lembrete_cupom", language: "pt_BR", status: "APPROVED", components: [{ type: "BODY", text: "Volte sempre!" }] })
      .onConflictDoNothing();
    const tpl = await queueOutboundMessage({
      organizationId: org.id,
      conversationId: closed.id,
      message: { type: "template", name: "lembrete_cupom", language: "pt_BR" },
      sender: "campaign",
    });
    await finished(tpl.message.id);
    expect(mock.messages.map((x) => x.body.type)).toEqual(["template"]);
  });

  it("a window that closed while the message was queued: the row fails with outside_window, zero calls", async () => {
    const closed = await conversation(new Date(Date.now() - 60_000));
    const [m] = await getDb()
      .insert(messages)
      .values({ organizationId: org.id, channelId, conversationId: closed.id, direction: "outbound", type: "text", content: { type: "text", body: "late" }, status: "queued", sender: "bot" })
      .returning();
    await enqueueSend(m);
    await finished(m.id, "failed");
    expect(mock.calls).toHaveLength(0);
    const failed = await row(m.id);
    expect(failed).toMatchObject({ status: "failed", errorCode: 131047 });
    expect(failed.content.failure).toMatchObject({ reason: "outside_window" });
  });

  it("queueing twice with one idempotency key makes one row and one WhatsApp message", async () => {
    const c = await open();
    const q = () =>
      queueOutboundMessage({ organizationId: org.id, conversationId: c.id, message: { type: "text", body: "once" }, sender: "bot", idempotencyKey: "flow:s1:node-7" });
    const [a, b] = await Promise.all([q(), q()]);
    expect(a.message.id).toBe(b.message.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    await finished(a.message.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(mock.messages).toHaveLength(1);
    expect((await runsOf(FN)).filter((r) => r.event.data.messageId === a.message.id)).toHaveLength(1);
    expect(await row(a.message.id)).toMatchObject({ idempotencyKey: "flow:s1:node-7", content: { idempotencyKey: "flow:s1:node-7" } });
  });

  it("the key lives in messages.idempotency_key: a later call returns that row, even after the window closed", async () => {
    const c = await open();
    // A row written by another path with only the column set (no content copy): the column is what counts.
    const [first] = await getDb()
      .insert(messages)
      .values({ organizationId: org.id, channelId, conversationId: c.id, direction: "outbound", type: "text", content: { type: "text", body: "first" }, status: "sent", sender: "bot", idempotencyKey: "campaign:c1:contact-1" })
      .returning();
    await getDb().update(conversations).set({ windowExpiresAt: new Date(Date.now() - 1000) }).where(eq(conversations.id, c.id));
    const again = await queueOutboundMessage({
      organizationId: org.id,
      conversationId: c.id,
      message: { type: "text", body: "second" },
      sender: "bot",
      idempotencyKey: "campaign:c1:contact-1",
    });
    expect(again).toMatchObject({ created: false, message: { id: first.id, content: { body: "first" } } });
    expect(mock.calls).toHaveLength(0); // not queued, so not handed to send-message
  });

  it("many concurrent callers with one key: one row, one `created`, one WhatsApp message", async () => {
    const c = await open();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        queueOutboundMessage({ organizationId: org.id, conversationId: c.id, message: { type: "text", body: `race ${i}` }, sender: "bot", idempotencyKey: "race-key" }),
      ),
    );
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    await finished(results[0].message.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(mock.messages).toHaveLength(1);
    const rows = await getDb().select().from(messages).where(and(eq(messages.organizationId, org.id), eq(messages.idempotencyKey, "race-key")));
    expect(rows).toHaveLength(1);
  });

  it("a key already taken by an inbound message is a 409 conflict, nothing stored", async () => {
    const c = await open();
    await getDb()
      .insert(messages)
      .values({ organizationId: org.id, channelId, conversationId: c.id, direction: "inbound", type: "text", content: { type: "text" }, status: "received", sender: "contact", idempotencyKey: "taken" });
    const attempt = queueOutboundMessage({ organizationId: org.id, conversationId: c.id, message: { type: "text", body: "x" }, sender: "user", idempotencyKey: "taken" });
    await expect(attempt).rejects.toMatchObject({ code: "conflict", status: 409 });
    expect(await getDb().select().from(messages).where(and(eq(messages.conversationId, c.id), eq(messages.direction, "outbound")))).toHaveLength(0);
  });
});
