import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations, messages, webhookEvents } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { query } from "@/inngest/executor/db";
import { updateChannel } from "@/lib/channels/update-channel";
import { findStaleWebhooks } from "@/lib/whatsapp/find-stale-webhooks";
import { ingestInboundMessage } from "@/lib/whatsapp/ingest/ingest-inbound-message";
import { ingestWebhookEvent } from "@/lib/whatsapp/ingest/ingest-webhook-event";
import { parseInboundMessage } from "@/lib/whatsapp/webhook/message-schema";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { createOrgWithChannel, flowHandledMessageIds, postToChannel, randomDigits, statusWebhook, textWebhook, waitProcessed, type TestChannel } from "./helpers";

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
});
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

let seq = 0;
const wamid = () => `wamid.EVT${Date.now()}${seq++}`;
const T0 = 1790000000;
const phone = () => `55119${randomDigits(8)}`;

async function post(ch: TestChannel, body: string) {
  const res = await postToChannel(ch.channelId, body);
  expect(res.status).toBe(200);
}
const webhookRows = (ch: TestChannel) => getDb().select().from(webhookEvents).where(eq(webhookEvents.channelId, ch.channelId));

describe("papo/message.received", () => {
  it("is emitted once per customer message stored for the first time, with its ids; a duplicate delivery emits nothing", async () => {
    const ch = await createOrgWithChannel("received");
    const id = wamid();
    const body = textWebhook(ch.phoneNumberId, { id, from: phone(), ts: T0, body: "olá" });
    await post(ch, body);
    await waitProcessed([ch.organizationId]);
    await post(ch, body); // Meta redelivers: a second row, the same wamid
    await post(ch, body);
    await waitProcessed([ch.organizationId]);

    expect((await webhookRows(ch)).map((r) => r.status)).toEqual(["processed", "processed", "processed"]);
    const [message] = await getDb().select().from(messages).where(eq(messages.channelId, ch.channelId));
    expect(await flowHandledMessageIds(ch.organizationId)).toEqual([message.id]);
  });

  it("is not emitted for statuses or system notices", async () => {
    const ch = await createOrgWithChannel("received-none");
    const from = phone();
    await post(ch, statusWebhook(ch.phoneNumberId, [{ id: wamid(), status: "sent", timestamp: String(T0), recipient_id: from }]));
    await post(ch, systemChange(ch.phoneNumberId, from, phone()));
    await waitProcessed([ch.organizationId]);
    expect(await getDb().select().from(messages).where(eq(messages.channelId, ch.channelId))).toHaveLength(1); // the notice
    expect(await flowHandledMessageIds(ch.organizationId)).toEqual([]);
  });

  it("a retried processing of the same row (its first result lost in a crash) announces again; another row does not", async () => {
    const ch = await createOrgWithChannel("received-retry");
    const body = textWebhook(ch.phoneNumberId, { id: wamid(), from: phone(), ts: T0, body: "de novo" });
    await post(ch, body);
    await waitProcessed([ch.organizationId]);
    const [first] = await webhookRows(ch);
    const [message] = await getDb().select().from(messages).where(eq(messages.channelId, ch.channelId));

    // The step committed but its result never reached the executor: the row is processed again.
    await getDb().update(webhookEvents).set({ status: "received" }).where(eq(webhookEvents.id, first.id));
    const again = await ingestWebhookEvent(getDb(), first.id);
    expect(again?.events).toEqual([expect.objectContaining({ id: `message-received-${message.id}`, name: "papo/message.received" })]);

    // A redelivery is another row: the message is a duplicate and is not announced.
    const [redelivered] = await getDb()
      .insert(webhookEvents)
      .values({ organizationId: ch.organizationId, channelId: ch.channelId, rawBody: first.rawBody, signatureValid: true })
      .returning();
    expect((await ingestWebhookEvent(getDb(), redelivered.id))?.events).toEqual([]);
  });
});

function systemChange(phoneNumberId: string, from: string, to: string, id = wamid(), ts = T0 + 5) {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "104857392018274",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "5511955550123", phone_number_id: phoneNumberId },
              messages: [{ from, id, timestamp: String(ts), type: "system", system: { body: `User changed from ${from} to ${to}`, wa_id: to, type: "user_changed_number" } }],
            },
          },
        ],
      },
    ],
  });
}

describe("user_changed_number", () => {
  it("moves the contact to the new number, keeps the old one in its history, and the next message continues the conversation", async () => {
    const ch = await createOrgWithChannel("changed-number");
    const oldNumber = phone();
    const newNumber = phone();
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: oldNumber, ts: T0, body: "antes" }));
    await waitProcessed([ch.organizationId]);
    await post(ch, systemChange(ch.phoneNumberId, oldNumber, newNumber));
    await waitProcessed([ch.organizationId]);
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: newNumber, ts: T0 + 10, body: "depois" }));
    await waitProcessed([ch.organizationId]);

    const cs = await getDb().select().from(contacts).where(eq(contacts.channelId, ch.channelId));
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ waId: newNumber, phoneE164: `+${newNumber}` });
    expect(cs[0].attributes.numberHistory).toEqual([
      expect.objectContaining({ waId: oldNumber, phoneE164: `+${oldNumber}`, newWaId: newNumber, changedAt: new Date((T0 + 5) * 1000).toISOString() }),
    ]);
    expect(await getDb().select().from(conversations).where(eq(conversations.channelId, ch.channelId))).toHaveLength(1);
  });

  it("leaves identities alone when the new number already belongs to another contact, and says so in the history", async () => {
    const ch = await createOrgWithChannel("changed-number-conflict");
    const oldNumber = phone();
    const newNumber = phone();
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: oldNumber, ts: T0, body: "antigo" }));
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: newNumber, ts: T0 + 1, body: "novo" }));
    await waitProcessed([ch.organizationId]);
    await post(ch, systemChange(ch.phoneNumberId, oldNumber, newNumber));
    await waitProcessed([ch.organizationId]);
    const cs = await getDb().select().from(contacts).where(eq(contacts.channelId, ch.channelId));
    const old = cs.find((c) => c.waId === oldNumber)!;
    const other = cs.find((c) => c.waId === newNumber)!;
    expect(old.attributes.numberHistory).toEqual([expect.objectContaining({ newWaId: newNumber, conflictContactId: other.id })]);
  });
});

describe("a disabled channel", () => {
  it("answers 200 but stores the webhook as rejected and processes nothing; re-enabled, it processes again at once", async () => {
    const ch = await createOrgWithChannel("disabled");
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: phone(), ts: T0, body: "aceito" })); // warms the channel cache
    await waitProcessed([ch.organizationId]);
    await updateChannel(ch.ctx, ch.channelId, { status: "disabled" });
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: phone(), ts: T0 + 1, body: "ignorado" }));
    const rows = await webhookRows(ch);
    expect(rows.map((r) => [r.status, r.error])).toContainEqual(["rejected", "Channel disabled: not processed"]);
    expect(await getDb().select().from(messages).where(eq(messages.channelId, ch.channelId))).toHaveLength(1);

    await updateChannel(ch.ctx, ch.channelId, { status: "active" });
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: phone(), ts: T0 + 2, body: "de volta" }));
    await waitProcessed([ch.organizationId]);
    expect(await getDb().select().from(messages).where(eq(messages.channelId, ch.channelId))).toHaveLength(2);
  });

  it("a webhook stored before the channel was disabled is not applied when processed after", async () => {
    const ch = await createOrgWithChannel("disabled-later");
    const [row] = await getDb()
      .insert(webhookEvents)
      .values({
        organizationId: ch.organizationId,
        channelId: ch.channelId,
        rawBody: new TextEncoder().encode(textWebhook(ch.phoneNumberId, { id: wamid(), from: phone(), ts: T0, body: "tarde" })),
        signatureValid: true,
      })
      .returning();
    await updateChannel(ch.ctx, ch.channelId, { status: "disabled" });
    expect(await ingestWebhookEvent(getDb(), row.id)).toMatchObject({ status: "processed", events: [] });
    const [after] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, row.id));
    expect(after.error).toContain("channel disabled");
    expect(await getDb().select().from(messages).where(eq(messages.channelId, ch.channelId))).toHaveLength(0);
  });
});

describe("ordering and races", () => {
  it("keys processing per customer: one key per sender, statuses keyed by their recipient", async () => {
    const ch = await createOrgWithChannel("keys");
    const [a, b] = [phone(), phone()];
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: a, ts: T0, body: "a" }));
    await post(ch, textWebhook(ch.phoneNumberId, { id: wamid(), from: b, ts: T0, body: "b" }));
    await post(ch, statusWebhook(ch.phoneNumberId, [{ id: wamid(), status: "sent", timestamp: String(T0), recipient_id: a }]));
    await waitProcessed([ch.organizationId]);
    const runs = await query<{ key: string }>(
      getDb(),
      sql`select event->'data'->>'orderingKey' as key from inngest_runs
          where function_id = 'papo-process-webhook-event' and organization_id = ${ch.organizationId}::uuid order by seq`,
    );
    expect(runs.map((r) => r.key)).toEqual([`wa:${ch.channelId}:+${a}`, `wa:${ch.channelId}:+${b}`, `wa:${ch.channelId}:+${a}`]);
  });

  it("one person's messages stored concurrently make one contact and one conversation", async () => {
    const ch = await createOrgWithChannel("race");
    const from = `551198${randomDigits(7)}`; // a mobile whose pre-2016 form is recognisable (subscriber starts 6–9)
    const ninthDigitLess = from.replace(/^(55\d\d)9/, "$1"); // the same Brazilian mobile, pre-2016 form
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        ingestInboundMessage(getDb(), {
          organizationId: ch.organizationId,
          channelId: ch.channelId,
          message: parseInboundMessage({ from: i % 2 ? from : ninthDigitLess, id: wamid(), timestamp: String(T0 + i), type: "text", text: { body: `m${i}` } })!,
          contacts: [],
        }),
      ),
    );
    expect(await getDb().select().from(contacts).where(eq(contacts.channelId, ch.channelId))).toHaveLength(1);
    expect(await getDb().select().from(conversations).where(eq(conversations.channelId, ch.channelId))).toHaveLength(1);
    expect(await getDb().select().from(messages).where(eq(messages.channelId, ch.channelId))).toHaveLength(12);
  });
});

describe("recovery of stored webhooks that were never handed off", () => {
  it("finds rows still `received` after two minutes without an event, and recover-stale-webhooks processes them", async () => {
    const ch = await createOrgWithChannel("stale");
    const raw = (body: string) => new TextEncoder().encode(body);
    const old = new Date(Date.now() - 5 * 60_000);
    const [stale] = await getDb()
      .insert(webhookEvents)
      .values({ organizationId: ch.organizationId, channelId: ch.channelId, rawBody: raw(textWebhook(ch.phoneNumberId, { id: wamid(), from: phone(), ts: T0, body: "perdido" })), signatureValid: true, receivedAt: old })
      .returning();
    const [fresh] = await getDb()
      .insert(webhookEvents)
      .values({ organizationId: ch.organizationId, channelId: ch.channelId, rawBody: raw("{}"), signatureValid: true })
      .returning();
    const found = await findStaleWebhooks(getDb(), new Date());
    expect(found.map((f) => f.webhookEventId)).toContain(stale.id);
    expect(found.map((f) => f.webhookEventId)).not.toContain(fresh.id);
    expect(found.find((f) => f.webhookEventId === stale.id)?.orderingKey).toMatch(new RegExp(`^wa:${ch.channelId}:\\+55`));

    // The cron fires on the executor's clock: cross the next two-minute boundary.
    h.clock.set((Math.floor(h.clock.now() / 120_000) + 1) * 120_000 + 1_000);
    h.executor.wake();
    await waitFor(async () => {
      const [row] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, stale.id));
      return row.status === "processed";
    }, "the stale webhook processed", 20_000);
    expect(await getDb().select().from(messages).where(and(eq(messages.channelId, ch.channelId)))).toHaveLength(1);
    await getDb().delete(webhookEvents).where(eq(webhookEvents.id, fresh.id));
  });
});
