import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { conversations, messages } from "@/db/schema";
import { listRealtimeEvents } from "@/lib/realtime/list-realtime-events";
import { parseEnvelope } from "@/lib/whatsapp/parse-envelope";
import { routeChanges } from "@/lib/whatsapp/route-changes";
import { ingestChange } from "@/lib/whatsapp/ingest/ingest-change";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { createOrgWithChannel, randomDigits, statusWebhook, textWebhook, type TestChannel } from "../whatsapp/helpers";

/** The inbound path keeps the list columns (unread, preview, direction) and pushes what it stored. */
let db: TestDatabase;
let ch: TestChannel;

beforeAll(async () => {
  db = await createTestDatabase();
  ch = await createOrgWithChannel("wiring");
});
afterAll(async () => db.drop());

async function ingest(body: string) {
  const parsed = parseEnvelope(new TextEncoder().encode(body));
  if (!parsed.ok) throw new Error(parsed.error);
  for (const route of await routeChanges(getDb(), parsed.envelope)) {
    if (route.organizationId) await ingestChange(getDb(), parsed.envelope, { ...route, organizationId: route.organizationId });
  }
}

describe("inbound messages in the inbox", () => {
  it("count as unread, set the preview, and are pushed (conversation.created for the first one); a duplicate does nothing", async () => {
    const from = randomDigits(13);
    const ts = Math.floor(Date.now() / 1000);
    const { lastSeq } = await listRealtimeEvents(ch.organizationId, undefined);
    const first = textWebhook(ch.phoneNumberId, { id: `wamid.${randomDigits()}`, from, ts, body: "Olá, preciso de ajuda" });
    await ingest(first);
    const [c1] = await getDb().select().from(conversations).where(eq(conversations.organizationId, ch.organizationId));
    expect(c1).toMatchObject({ unreadCount: 1, lastMessagePreview: "Olá, preciso de ajuda", lastMessageDirection: "inbound" });
    const pushed = await listRealtimeEvents(ch.organizationId, lastSeq);
    expect(pushed.events.map((e) => e.type)).toEqual(["message.created", "conversation.created"]);
    expect(pushed.events[0].payload).toMatchObject({ kind: "message", direction: "inbound", conversationId: c1.id });
    expect(pushed.events[1].payload).toMatchObject({ id: c1.id, unreadCount: 1 });

    await ingest(textWebhook(ch.phoneNumberId, { id: `wamid.${randomDigits()}`, from, ts: ts + 1, body: "Alô?" }));
    await ingest(first); // Meta redelivers
    const [c2] = await getDb().select().from(conversations).where(eq(conversations.id, c1.id));
    expect(c2).toMatchObject({ unreadCount: 2, lastMessagePreview: "Alô?" });
    const after = await listRealtimeEvents(ch.organizationId, pushed.lastSeq);
    expect(after.events.map((e) => e.type)).toEqual(["message.created", "conversation.updated"]);
  });

  it("a status webhook pushes message.updated with the new status", async () => {
    const from = randomDigits(13);
    await ingest(textWebhook(ch.phoneNumberId, { id: `wamid.${randomDigits()}`, from, ts: Math.floor(Date.now() / 1000), body: "oi" }));
    const [m] = await getDb().select().from(messages).where(and(eq(messages.organizationId, ch.organizationId), eq(messages.direction, "inbound"))).limit(1);
    const wamid = `wamid.${randomDigits()}`;
    const [out] = await getDb()
      .insert(messages)
      .values({ organizationId: ch.organizationId, channelId: ch.channelId, conversationId: m.conversationId, direction: "outbound", type: "text", content: { type: "text", body: "resposta" }, status: "queued", sender: "user", waMessageId: wamid })
      .returning();
    const { lastSeq } = await listRealtimeEvents(ch.organizationId, undefined);
    await ingest(statusWebhook(ch.phoneNumberId, [{ id: wamid, status: "delivered", timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: from }]));
    const pushed = await listRealtimeEvents(ch.organizationId, lastSeq);
    expect(pushed.events.map((e) => [e.type, e.payload.id, e.payload.status])).toEqual([["message.updated", out.id, "delivered"]]);
  });
});
