import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { query } from "@/inngest/executor/db";
import { callbackDataFor } from "@/lib/whatsapp/graph/callback-data";
import { getDb } from "@/db";
import { contacts, conversations, messages, pendingStatuses, templates, webhookEvents } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { resetEnvForTests } from "@/lib/env";
import { applyPendingStatuses } from "@/lib/whatsapp/ingest/apply-pending-statuses";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import {
  createOrgWithChannel,
  fixture,
  fixtureNames,
  insertOutbound,
  messageByWamid,
  postShared,
  postToChannel,
  randomDigits,
  statusWebhook,
  textWebhook,
  waitProcessed,
  type TestChannel,
} from "./helpers";

const SHARED_SECRET = "sharedappsecret0123456789";
let db: TestDatabase;
let h: Harness;
let graph: GraphMock;

beforeAll(async () => {
  process.env.META_APP_SECRET = SHARED_SECRET;
  // Fixture media messages start download-inbound-media: keep those calls on loopback (the mock knows no media
  // ids, so each download fails at once and the attachment is recorded `failed`). tests/integration/media covers it.
  graph = await startGraphMock();
  process.env.META_GRAPH_API_URL = graph.url;
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
});
afterAll(async () => {
  await h?.close();
  await graph?.close();
  await db?.drop();
  delete process.env.META_APP_SECRET;
  delete process.env.META_GRAPH_API_URL;
  resetEnvForTests();
});

async function post(ch: TestChannel, body: string) {
  const res = await postToChannel(ch.channelId, body);
  expect(res.status).toBe(200);
}
const messagesOf = (ch: TestChannel) =>
  getDb().select().from(messages).where(eq(messages.channelId, ch.channelId)).orderBy(asc(messages.createdAt));
const contactsOf = (ch: TestChannel) => getDb().select().from(contacts).where(eq(contacts.channelId, ch.channelId));
const conversationsOf = (ch: TestChannel) => getDb().select().from(conversations).where(eq(conversations.channelId, ch.channelId));
let seq = 0;
const wamid = () => `wamid.TEST${Date.now()}${seq++}`;
const T0 = 1790000000;

describe("every fixture, posted to its channel, is stored correctly", () => {
  let ch: TestChannel;
  beforeAll(async () => {
    ch = await createOrgWithChannel("fixtures", { phoneNumberId: "118293746501928", wabaId: "104857392018274" });
    for (const name of fixtureNames()) await post(ch, fixture(name));
    await waitProcessed([ch.organizationId]);
  });

  it("every webhook row is processed", async () => {
    const rows = await getDb().select().from(webhookEvents).where(eq(webhookEvents.organizationId, ch.organizationId));
    expect(rows.length).toBe(fixtureNames().length);
    expect(rows.every((r) => r.status === "processed")).toBe(true);
  });

  it("one message per wamid, of the right type, with its content", async () => {
    const all = await messagesOf(ch);
    const byType = (t: string) => all.filter((m) => m.type === t);
    // text: 6 fixtures carry texts with 5 distinct wamids (signature vector body is its own), + 2 from the batch
    expect(new Set(all.map((m) => m.waMessageId)).size).toBe(all.length);
    for (const t of ["image", "video", "audio", "document", "sticker", "location", "contacts", "button", "order", "system", "unsupported", "reaction"]) {
      expect(byType(t), t).toHaveLength(1);
    }
    expect(byType("interactive")).toHaveLength(3);
    expect(all.every((m) => m.direction === "inbound" && m.status === "received" && m.sender === "contact")).toBe(true);
    const text = all.find((m) => (m.content as { text?: { body?: string } }).text?.body?.startsWith("Olá! Vocês"));
    expect(text?.createdAt.toISOString()).toBe(new Date(T0 * 1000).toISOString());
    const unsupported = byType("unsupported")[0];
    expect(unsupported).toMatchObject({ errorCode: 131051, errorTitle: "Message type unknown", errorDetails: "Message type is currently not supported." });
    expect(unsupported.content).toMatchObject({ unsupported: { type: "poll_creation" } });
    const referral = all.find((m) => (m.content as { referral?: unknown }).referral);
    expect(referral?.content).toMatchObject({ referral: { source_type: "ad" } });
    expect(all.some((m) => (m.content as { context?: { forwarded?: boolean } }).context?.forwarded)).toBe(true);
  });

  it("reaction add then remove (same wamid): one row holding the newer state", async () => {
    const [reaction] = (await messagesOf(ch)).filter((m) => m.type === "reaction");
    expect((reaction.content as { reaction: { emoji?: string } }).reaction.emoji ?? "").toBe("");
  });

  it("contacts: one per person, BSUID + canonical phone + profile name", async () => {
    const cs = await contactsOf(ch);
    const mariana = cs.find((c) => c.userId === "BR.1734820956128473")!;
    // inbound_system_user_changed_number moved her to her new number; the old one is kept in her history.
    expect(mariana).toMatchObject({ waId: "5511912340009", phoneE164: "+5511912340009", profileName: "Mariana Souza" });
    expect(mariana.attributes.numberHistory).toEqual([
      expect.objectContaining({ waId: "5511987650001", phoneE164: "+5511987650001", newWaId: "5511912340009" }),
    ]);
    const joao = cs.find((c) => c.userId === "BR.9021837465019283")!;
    expect(joao).toMatchObject({ phoneE164: "+5521976540002", profileName: "João Pereira" });
    expect(cs).toHaveLength(2);
  });

  it("conversation: one per contact, window = last inbound (non-system) + 24 h", async () => {
    const cs = await contactsOf(ch);
    const mariana = cs.find((c) => c.userId === "BR.1734820956128473")!;
    const convs = (await conversationsOf(ch)).filter((c) => c.contactId === mariana.id);
    expect(convs).toHaveLength(1);
    const lastInbound = (await messagesOf(ch)).filter((m) => m.conversationId === convs[0].id && m.type !== "system").at(-1)!;
    expect(convs[0].windowExpiresAt?.getTime()).toBe(lastInbound.createdAt.getTime() + 24 * 3600_000);
    expect(convs[0].status).toBe("open");
  });

  it("statuses for wamids we never stored wait in pending_statuses, deduplicated", async () => {
    const pending = await getDb().select().from(pendingStatuses).where(eq(pendingStatuses.channelId, ch.channelId));
    expect(pending.length).toBeGreaterThan(5);
    expect(new Set(pending.map((p) => `${p.waMessageId}|${p.status}`)).size).toBe(pending.length);
  });

  it("template status and quality webhooks update the templates table", async () => {
    const rows = await getDb().select().from(templates).where(eq(templates.organizationId, ch.organizationId));
    const rejected = rows.find((t) => t.name === "carrinho_abandonado")!;
    expect(rejected).toMatchObject({ status: "REJECTED", language: "pt_BR", category: "MARKETING", wabaId: "104857392018274", metaTemplateId: "1842736459102999" });
    expect(rejected.rejectionReason).toMatch(/adjacent/);
    const quality = rows.find((t) => t.name === "oferta_semanal")!;
    expect(quality.quality).toBe("YELLOW");
    expect(rows.some((t) => t.status === "APPROVED")).toBe(true);
    expect(rows.some((t) => t.status === "PAUSED")).toBe(true);
  });
});

describe("identities", () => {
  it("a Brazilian mobile with and without the ninth digit is one contact", async () => {
    const ch = await createOrgWithChannel("ninth");
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: "551187659999", ts: T0, body: "sem nove" }));
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: "5511987659999", ts: T0 + 5, body: "com nove" }));
    await waitProcessed([ch.organizationId]);
    const cs = await contactsOf(ch);
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ phoneE164: "+5511987659999", waId: "551187659999" });
    expect(await messagesOf(ch)).toHaveLength(2);
  });

  it("a username user with no phone number at all is a contact by BSUID", async () => {
    const ch = await createOrgWithChannel("username");
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), fromUserId: "BR.5550001112223334", ts: T0, body: "oi", username: "@maria" }));
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), fromUserId: "BR.5550001112223334", ts: T0 + 1, body: "de novo" }));
    await waitProcessed([ch.organizationId]);
    const cs = await contactsOf(ch);
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ userId: "BR.5550001112223334", waId: null, phoneE164: null });
    expect(await messagesOf(ch)).toHaveLength(2);
  });
});

describe("idempotency and ordering", () => {
  it("the same delivery ten times → one message", async () => {
    const ch = await createOrgWithChannel("tentimes");
    const body = textWebhook(ch.phoneNumberId, { id: wamid(), from: "5511987650001", ts: T0, body: "uma vez" });
    for (let i = 0; i < 10; i++) await post(ch, body);
    await waitProcessed([ch.organizationId]);
    expect(await messagesOf(ch)).toHaveLength(1);
    expect(await contactsOf(ch)).toHaveLength(1);
    expect(await conversationsOf(ch)).toHaveLength(1);
    const rows = await getDb().select().from(webhookEvents).where(eq(webhookEvents.channelId, ch.channelId));
    expect(rows.filter((r) => r.status === "processed")).toHaveLength(10);
  });

  it("statuses shuffled and duplicated → the final state is the furthest, with each timestamp and the confirmed pricing", async () => {
    const ch = await createOrgWithChannel("shuffle");
    const id = wamid();
    await insertOutbound(ch, id);
    const sentPricing = { billable: true, pricing_model: "PMP", type: "regular", category: "marketing", estimated: true };
    const deliveredPricing = { billable: true, pricing_model: "PMP", type: "regular", category: "marketing" };
    const sent = { id, status: "sent", timestamp: String(T0 + 1), recipient_id: "5511987650001", pricing: sentPricing };
    const delivered = { id, status: "delivered", timestamp: String(T0 + 2), recipient_id: "5511987650001", pricing: deliveredPricing };
    const read = { id, status: "read", timestamp: String(T0 + 3), recipient_id: "5511987650001" };
    const deliveries = [read, sent, delivered, read, sent, delivered, sent];
    await post(ch, statusWebhook(ch.phoneNumberId, [read, delivered]));
    for (const s of deliveries) await post(ch, statusWebhook(ch.phoneNumberId, [s]));
    await waitProcessed([ch.organizationId]);
    const m = await messageByWamid(ch.channelId, id);
    expect(m.status).toBe("read");
    expect(m.sentAt?.getTime()).toBe((T0 + 1) * 1000);
    expect(m.deliveredAt?.getTime()).toBe((T0 + 2) * 1000);
    expect(m.readAt?.getTime()).toBe((T0 + 3) * 1000);
    expect(m.pricing).toEqual(deliveredPricing);
    expect(await getDb().select().from(pendingStatuses).where(eq(pendingStatuses.channelId, ch.channelId))).toHaveLength(0);
  });

  it("played is the last step for voice messages; failed keeps its error even if delivered comes after", async () => {
    const ch = await createOrgWithChannel("failed");
    const voice = wamid();
    await insertOutbound(ch, voice);
    await post(ch, statusWebhook(ch.phoneNumberId, [{ id: voice, status: "played", timestamp: String(T0 + 9) }, { id: voice, status: "read", timestamp: String(T0 + 8) }]));
    const failing = wamid();
    await insertOutbound(ch, failing);
    const failedFixture = JSON.parse(fixture("status_failed_131047_reengagement.json", ch.phoneNumberId)) as {
      entry: { changes: { value: { statuses: Record<string, unknown>[] } }[] }[];
    };
    const failed = { ...failedFixture.entry[0].changes[0].value.statuses[0], id: failing };
    await post(ch, statusWebhook(ch.phoneNumberId, [{ id: failing, status: "sent", timestamp: String(T0) }]));
    await post(ch, statusWebhook(ch.phoneNumberId, [failed]));
    await post(ch, statusWebhook(ch.phoneNumberId, [{ id: failing, status: "delivered", timestamp: String(T0 + 5000) }]));
    await post(ch, statusWebhook(ch.phoneNumberId, [{ id: failing, status: "failed", timestamp: String(T0 + 6000), errors: [{ code: 1, title: "Other" }] }]));
    await waitProcessed([ch.organizationId]);
    expect((await messageByWamid(ch.channelId, voice)).status).toBe("played");
    const m = await messageByWamid(ch.channelId, failing);
    expect(m).toMatchObject({
      status: "failed",
      errorCode: 131047,
      errorTitle: "Re-engagement message",
      errorDetails: expect.stringContaining("more than 24 hours"),
    });
    expect(m.failedAt?.getTime()).toBe(1790001100 * 1000);
  });

  it("a status that arrives before its message is kept, then applied when the row appears", async () => {
    const ch = await createOrgWithChannel("early");
    const early = wamid();
    await post(ch, statusWebhook(ch.phoneNumberId, [{ id: early, status: "delivered", timestamp: String(T0 + 2), pricing: { type: "regular", category: "utility" } }]));
    await post(ch, statusWebhook(ch.phoneNumberId, [{ id: early, status: "sent", timestamp: String(T0 + 1) }]));
    await waitProcessed([ch.organizationId]);
    expect(await getDb().select().from(pendingStatuses).where(eq(pendingStatuses.waMessageId, early))).toHaveLength(2);

    // The sending side stores the wamid and applies what was waiting for it.
    await insertOutbound(ch, early);
    expect(await applyPendingStatuses(getDb(), { channelId: ch.channelId, waMessageIds: [early] })).toBe(2);
    expect(await messageByWamid(ch.channelId, early)).toMatchObject({ status: "delivered", pricing: { type: "regular", category: "utility" } });
    expect(await getDb().select().from(pendingStatuses).where(eq(pendingStatuses.waMessageId, early))).toHaveLength(0);

    // If the sending side does not, the next webhook on the channel sweeps it up.
    const late = wamid();
    await post(ch, statusWebhook(ch.phoneNumberId, [{ id: late, status: "read", timestamp: String(T0 + 3) }]));
    await waitProcessed([ch.organizationId]);
    await insertOutbound(ch, late);
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: "5511987650001", ts: T0 + 10, body: "oi" }));
    await waitProcessed([ch.organizationId]);
    expect((await messageByWamid(ch.channelId, late)).status).toBe("read");
  });

  it("a status whose callback data names an outbound row without a wamid adopts it and tells send-message", async () => {
    const ch = await createOrgWithChannel("adopt");
    const row = await insertOutbound(ch, wamid());
    await getDb().update(messages).set({ waMessageId: null }).where(eq(messages.id, row.id));
    const lost = wamid();
    await post(ch, statusWebhook(ch.phoneNumberId, [{ id: lost, status: "sent", timestamp: String(T0), biz_opaque_callback_data: callbackDataFor(row.id) }]));
    await waitProcessed([ch.organizationId]);
    expect(await messageByWamid(ch.channelId, lost)).toMatchObject({ id: row.id, status: "sent" });
    const events = await query<{ data: Record<string, unknown> }>(getDb(), sql`select data from inngest_events where name = 'papo/message.status'`);
    expect(events.map((e) => e.data)).toContainEqual({ organizationId: ch.organizationId, messageId: row.id, waMessageId: lost, status: "sent" });
  });

  it("a closed conversation reopens within 24 h of closing; after that a new one starts", async () => {
    const ch = await createOrgWithChannel("reopen");
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: "5511987650002", ts: T0, body: "1" }));
    await waitProcessed([ch.organizationId]);
    const [first] = await conversationsOf(ch);
    const close = (at: number) => getDb().update(conversations).set({ status: "closed", closedAt: new Date(at * 1000) }).where(eq(conversations.id, first.id));
    await close(T0 + 60);
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: "5511987650002", ts: T0 + 3600, body: "2" }));
    await waitProcessed([ch.organizationId]);
    expect(await conversationsOf(ch)).toMatchObject([{ id: first.id, status: "open", closedAt: null }]);
    await close(T0 + 7200);
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: "5511987650002", ts: T0 + 7200 + 2 * 86400, body: "3" }));
    await waitProcessed([ch.organizationId]);
    const convs = await conversationsOf(ch);
    expect(convs).toHaveLength(2);
    expect(convs.find((c) => c.id === first.id)?.status).toBe("closed");
  });
});

describe("POST /api/webhooks/whatsapp (one Meta app, many organizations)", () => {
  it("routes each change to the organization owning its number; an unknown number is kept unrouted", async () => {
    const a = await createOrgWithChannel("shared-a");
    const b = await createOrgWithChannel("shared-b");
    const unknownNumber = randomDigits();
    const [idA, idB, idX] = [wamid(), wamid(), wamid()];
    const entryOf = (body: string) => (JSON.parse(body) as { entry: unknown[] }).entry[0] as { id: string };
    const templateEntry = (JSON.parse(fixture("template_status_update_approved.json", "0", a.wabaId)) as { entry: unknown[] }).entry[0];
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        entryOf(textWebhook(a.phoneNumberId, { id: idA, from: "5511987650001", ts: T0, body: "para A" })),
        entryOf(textWebhook(b.phoneNumberId, { id: idB, from: "5521976540002", ts: T0, body: "para B" })),
        entryOf(textWebhook(unknownNumber, { id: idX, from: "5521976540003", ts: T0, body: "para ninguém" })),
        templateEntry,
      ],
    });
    const res = await postShared(body, SHARED_SECRET);
    expect(res.status).toBe(200);
    await waitProcessed([a.organizationId, b.organizationId]);

    const rows = await getDb()
      .select()
      .from(webhookEvents)
      .where(inArray(webhookEvents.organizationId, [a.organizationId, b.organizationId]));
    expect(rows.map((r) => r.organizationId).sort()).toEqual([a.organizationId, b.organizationId].sort());
    expect(rows.every((r) => r.status === "processed" && Buffer.from(r.rawBody).toString() === body)).toBe(true);
    const unrouted = await getDb().select().from(webhookEvents).where(eq(webhookEvents.status, "unrouted"));
    expect(unrouted.filter((r) => Buffer.from(r.rawBody).toString() === body)).toHaveLength(1);
    expect(unrouted[0].organizationId).toBeNull();

    expect((await messagesOf(a)).map((m) => m.waMessageId)).toEqual([idA]);
    expect((await messagesOf(b)).map((m) => m.waMessageId)).toEqual([idB]);
    expect(await getDb().select().from(messages).where(eq(messages.waMessageId, idX))).toHaveLength(0);
    const approved = await getDb().select().from(templates).where(and(eq(templates.organizationId, a.organizationId), eq(templates.status, "APPROVED")));
    expect(approved).toHaveLength(1);
    expect(await getDb().select().from(templates).where(eq(templates.organizationId, b.organizationId))).toHaveLength(0);
  });
});
