import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, realtimeEvents, webhookEvents } from "@/db/schema";
import { statementCount } from "@/db/statement-counter";
import { ingestWebhookEvent } from "@/lib/whatsapp/ingest/ingest-webhook-event";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { FIXTURE_WABA, createOrgWithChannel, insertOutbound, randomDigits, type TestChannel } from "./helpers";

/**
 * Issue #11 item 1: what applying one webhook row costs in SQL statements (every statement this process sends,
 * BEGIN/COMMIT included; no executor runs here, so nothing else is counted). One new customer's text and three
 * statuses of messages Papo sent:
 *   read the row 1 · route its changes 1 ·
 *   the message's transaction 8 (BEGIN, duplicate check, identity locks, contact select + insert, conversation
 *   insert with the message's activity — a new contact has no conversation to look for —, message insert, which
 *   also says the channel has no pending status to sweep, COMMIT; was 11) ·
 *   its inbox push 2 (the conversation item, one insert for message.created + conversation.created) ·
 *   3 statuses, each in its own transaction with the message's cost record: BEGIN, the status update, the cost
 *   record's read (message, recipient, record so far, spend settings, the rate cards' version: one statement), its
 *   write (record, daily rollup, budget alerts: one statement with data-modifying CTEs), COMMIT — 4 each, 12 in all
 *   (issue #15 made it about 13 each: settings, market and list price were read twice per status) ·
 *   the first status also reads the calling-code table and the organization's rate cards, once per process (2) ·
 *   their inbox push 2 (one read, one insert) · the row's final mark with every item's outcome 1.
 * Without the cost record this was 21; with issue #15's first version 58; 35 with the cheaper cost record alone.
 * Before: 44 (an UPDATE of the row per item inside a transaction per status, three advisory-lock statements, five
 * statements per message push and two per status push, a pending-status pass over the channel per webhook).
 */
const EXPECTED_STATEMENTS = 32;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

let seq = 0;
const wamid = () => `wamid.COST${Date.now()}${seq++}`;
const T0 = 1790000000;

function webhook(ch: TestChannel, value: { messages?: unknown[]; statuses?: unknown[] }): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: FIXTURE_WABA,
        changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "5511955550123", phone_number_id: ch.phoneNumberId }, ...value } }],
      },
    ],
  });
}

describe("the statement cost of applying a webhook row", () => {
  it(`a new customer's text and three statuses: ${EXPECTED_STATEMENTS} statements, outcomes written with the final mark`, async () => {
    const ch = await createOrgWithChannel("ingest-cost");
    const sent = [wamid(), wamid(), wamid()];
    for (const w of sent) await insertOutbound(ch, w);
    const inbound = wamid();
    const body = webhook(ch, {
      messages: [{ from: `55119${randomDigits(8)}`, id: inbound, timestamp: String(T0), type: "text", text: { body: "oi" } }],
      statuses: sent.map((id) => ({ id, status: "delivered", timestamp: String(T0 + 1), recipient_id: "5511900000000" })),
    });
    const [row] = await getDb()
      .insert(webhookEvents)
      .values({ organizationId: ch.organizationId, channelId: ch.channelId, rawBody: new TextEncoder().encode(body), signatureValid: true })
      .returning();

    const before = statementCount();
    const outcome = await ingestWebhookEvent(getDb(), row.id);
    const cost = statementCount() - before;

    expect(outcome).toMatchObject({ status: "processed" });
    expect(cost).toBeLessThanOrEqual(EXPECTED_STATEMENTS);
    // Everything the statements were for happened: the row holds every outcome and its follow-up, …
    const [marked] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, row.id));
    expect(marked.items.map((i) => [i.kind, i.outcome])).toEqual([["message", "applied"], ["status", "applied"], ["status", "applied"], ["status", "applied"]]);
    expect(marked.items[0].events?.map((e) => e.name)).toEqual(["papo/message.received"]);
    // … the statuses are applied, …
    const rows = await getDb().select().from(messages).where(and(eq(messages.channelId, ch.channelId), inArray(messages.waMessageId, sent)));
    expect(rows.map((m) => m.status)).toEqual(["delivered", "delivered", "delivered"]);
    // … and the inbox heard of each change once.
    const pushed = await getDb().select().from(realtimeEvents).where(eq(realtimeEvents.organizationId, ch.organizationId)).orderBy(realtimeEvents.seq);
    expect(pushed.map((e) => e.type)).toEqual(["message.created", "conversation.created", "message.updated", "message.updated", "message.updated"]);
    expect(new Set(pushed.slice(2).map((e) => (e.payload as { id: string }).id))).toEqual(new Set(rows.map((m) => m.id)));
  });
});
