import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, webhookEvents, type WebhookEvent } from "@/db/schema";
import { ingestWebhookEvent, type FollowUpEvent } from "@/lib/whatsapp/ingest/ingest-webhook-event";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { FIXTURE_WABA, createOrgWithChannel, insertOutbound, postToChannel, type TestChannel } from "./helpers";

/**
 * Issue #10's webhook fuzz: thousands of signed bodies of valid shape with odd values (unknown enums, NUL and lone
 * surrogates, huge numbers and strings, deep nesting, good and bad items mixed), through the real receive path
 * (route handler: signature check, group-committed store) and the real processing (ingestWebhookEvent, the
 * process-webhook-event step; called here directly and in batches, so thousands of bodies stay fast). Every item is
 * generated together with what must become of it: a good one is applied (or kept pending) and a good message
 * announced exactly once; a bad one is recorded as failed with a reason; no row stays `received`.
 * Seeded: the same bodies every run.
 */
const SEED = 20_261_203;
// Property runs of ~100 bodies each: ~1,200 bodies on Postgres, ~600 on PGlite (one in-process connection, whose
// statements cost CPU in this process). PAPO_FUZZ_RUNS=50 (~5,000 bodies) for a longer hunt.
const RUNS = Number(process.env.PAPO_FUZZ_RUNS ?? (process.env.DATABASE_URL ? 12 : 6));
// Rows processed at once: PGlite runs one statement at a time anyway.
const PARALLEL = process.env.DATABASE_URL ? 8 : 4;
const T0 = 1_790_000_000;

let db: TestDatabase;
let ch: TestChannel;
const known: string[] = []; // wamids of outbound messages the statuses may name

beforeAll(async () => {
  db = await createTestDatabase();
  ch = await createOrgWithChannel("fuzz");
  for (let i = 0; i < 8; i++) known.push((await insertOutbound(ch, `wamid.KNOWN${i}`)).waMessageId!);
});
afterAll(async () => db?.drop());

// ---- generated values: each template is materialised with fresh ids (a counter), so generation stays pure ----
type Item = { good: boolean; build: (id: string) => unknown; deep?: number };
type Body = { messages: Item[]; statuses: Item[] };

const nasty = fc.constantFrom("a\u0000b", "\u0000", "\ud800", "x\udfffy", "\u202e\u200b", "😀\ud83d", "\\u0000", "'; drop table messages; --");
const oddString = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }), nasty, fc.string({ minLength: 2_000, maxLength: 6_000 }));
const goodTimestamp = fc.oneof(
  fc.constant(String(T0)),
  fc.constantFrom("99999999999999", "123456789012345678901234567890", "0", "253402300800"),
  fc.integer({ min: 0, max: 2 ** 40 }).map(String),
  fc.integer({ min: 0, max: 2 ** 31 }),
);
const badTimestamp = fc.constantFrom("abc", "-5", "1.5", "", "1e9");
const oddCode = fc.oneof(fc.integer(), fc.constantFrom(1e20, -1e30, 3.5, 2 ** 31, 131_026), fc.double({ noNaN: true, noDefaultInfinity: true }));
const oddErrors = fc.option(fc.array(fc.record({ code: oddCode, title: oddString }), { minLength: 1, maxLength: 2 }), { nil: undefined });
const senders = ["5511987650001", "5511987650002", "551187650003", "15551234567"];
const sender = fc.constantFrom(...senders);
const deep = fc.option(fc.integer({ min: 1, max: 3_000 }), { freq: 6, nil: undefined });
const statusName = fc.oneof(fc.constantFrom("sent", "delivered", "read", "played", "failed", "deleted", "warning", "DELIVERED"), fc.string({ maxLength: 20 }), nasty);

// Not generated as an odd type: keys of the message itself, and the types that are never announced (system) or
// update another message (reaction).
const RESERVED = new Set(["id", "from", "from_user_id", "timestamp", "type", "errors", "context", "referral", "system", "reaction"]);
const goodMessage: fc.Arbitrary<Item> = fc.oneof(
  fc.record({ from: sender, ts: goodTimestamp, body: oddString, errors: oddErrors, deep }).map(({ from, ts, body, errors, deep }) => ({
    good: true,
    deep,
    build: (id: string) => ({ from, id, timestamp: ts, type: "text", text: { body }, ...(errors ? { errors } : {}), ...(deep ? { extra: `__DEEP__` } : {}) }),
  })),
  // A type Papo does not know, or a known one with an odd body: stored as `unsupported`, never dropped.
  fc.record({ from: sender, ts: goodTimestamp, type: oddString.filter((t) => !RESERVED.has(t)), payload: fc.jsonValue({ maxDepth: 4 }) }).map(({ from, ts, type, payload }) => ({
    good: true,
    build: (id: string) => ({ from, id, timestamp: ts, type, [type]: payload }),
  })),
  fc.record({ from: sender, ts: goodTimestamp, lat: fc.oneof(fc.double(), fc.string({ maxLength: 8 })), name: oddString }).map(({ from, ts, lat, name }) => ({
    good: true,
    build: (id: string) => ({ from, id, timestamp: ts, type: "location", location: { latitude: lat, longitude: 1e300, name } }),
  })),
);
const badMessage: fc.Arbitrary<Item> = fc.oneof(
  fc.record({ from: sender, body: oddString }).map(({ from, body }) => ({ good: false, build: () => ({ from, timestamp: String(T0), type: "text", text: { body } }) })),
  fc.record({ from: sender, ts: badTimestamp }).map(({ from, ts }) => ({ good: false, build: (id: string) => ({ from, id, timestamp: ts, type: "text", text: { body: "x" } }) })),
  fc.integer({ min: 513, max: 5_000 }).map((n) => ({ good: false, build: (id: string) => ({ from: senders[0], id: id.padEnd(n, "x"), timestamp: String(T0), type: "text", text: { body: "x" } }) })),
  fc.integer({ min: 513, max: 5_000 }).map((n) => ({ good: false, build: (id: string) => ({ from: "5".repeat(n), id, timestamp: String(T0), type: "text", text: { body: "x" } }) })),
  fc.constantFrom(null, 42, "text", [], true).map((v) => ({ good: false, build: () => v })),
);
const goodStatus: fc.Arbitrary<Item> = fc
  .record({ known: fc.option(fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7), { freq: 3, nil: undefined }), status: statusName, ts: goodTimestamp, errors: oddErrors, pricing: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }) })
  .map(({ known: k, status, ts, errors, pricing }) => ({
    good: true,
    build: (id: string) => ({
      id: k === undefined ? id : known[k],
      status,
      timestamp: ts,
      recipient_id: senders[0],
      ...(errors ? { errors } : {}),
      ...(pricing && typeof pricing === "object" && !Array.isArray(pricing) ? { pricing } : {}),
    }),
  }));
const badStatus: fc.Arbitrary<Item> = fc.oneof(
  statusName.map((status) => ({ good: false, build: () => ({ status, timestamp: String(T0) }) })),
  fc.integer({ min: 513, max: 5_000 }).map((n) => ({ good: false, build: (id: string) => ({ id: id.padEnd(n, "s"), status: "sent", timestamp: String(T0) }) })),
  fc.integer({ min: 65, max: 500 }).map((n) => ({ good: false, build: (id: string) => ({ id, status: "z".repeat(n), timestamp: String(T0) }) })),
  badTimestamp.map((ts) => ({ good: false, build: (id: string) => ({ id, status: "read", timestamp: ts }) })),
  fc.constantFrom(null, 7, "sent").map((v) => ({ good: false, build: () => v })),
);
const item = (good: fc.Arbitrary<Item>, bad: fc.Arbitrary<Item>) => fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: bad, weight: 1 });
const body: fc.Arbitrary<Body> = fc
  .record({ messages: fc.array(item(goodMessage, badMessage), { maxLength: 3 }), statuses: fc.array(item(goodStatus, badStatus), { maxLength: 2 }) })
  .filter((b) => b.messages.length + b.statuses.length > 0);

// ---- materialise, post, process, check ----
let counter = 0;
type Sent = { n: number; text: string; messages: { good: boolean; wamid: string }[]; statuses: { good: boolean }[] };

function materialise(b: Body): Sent {
  const n = counter++;
  const deepJson = (d: number) => `${'{"a":'.repeat(d)}1${"}".repeat(d)}`;
  const ms = b.messages.map((m, i) => ({ m, wamid: `wamid.FUZZ${n}.${i}` }));
  const value = {
    messaging_product: "whatsapp",
    metadata: { display_phone_number: "5511955550123", phone_number_id: ch.phoneNumberId },
    contacts: senders.map((wa_id) => ({ wa_id, profile: { name: `Cliente ${wa_id.slice(-2)}\u0000` } })),
    messages: ms.map(({ m, wamid }) => m.build(wamid)),
    statuses: b.statuses.map((s, i) => s.build(`wamid.FUZZS${n}.${i}`)),
  };
  // `fuzz` first: the row is found again by its first bytes. Deep values are spliced in as text.
  let text = JSON.stringify({ fuzz: n, object: "whatsapp_business_account", entry: [{ id: FIXTURE_WABA, changes: [{ field: "messages", value }] }] });
  for (const { m } of ms) if (m.deep) text = text.replace('"__DEEP__"', deepJson(m.deep));
  return { n, text, messages: ms.map(({ m, wamid }) => ({ good: m.good, wamid })), statuses: b.statuses.map((s) => ({ good: s.good })) };
}

const fuzzNumber = (row: WebhookEvent) => Number(/^\{"fuzz":(\d+),/.exec(new TextDecoder().decode(row.rawBody.subarray(0, 32)))?.[1]);

async function inChunks<T, R>(xs: T[], size: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < xs.length; i += size) out.push(...(await Promise.all(xs.slice(i, i + size).map(fn))));
  return out;
}

describe("webhook fuzz", () => {
  it("every signed body is answered 200; every good item is applied and announced once, every bad one failed with a reason", async () => {
    let bodies = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 80, maxLength: 120 }), async (batch) => {
        const sent = batch.map(materialise);
        bodies += sent.length;
        const statuses = await inChunks(sent, 20, async (s) => (await postToChannel(ch.channelId, s.text)).status);
        expect(statuses.filter((s) => s !== 200)).toEqual([]);

        const first = sent[0].n;
        const rows = (await getDb().select().from(webhookEvents).where(eq(webhookEvents.channelId, ch.channelId))).filter((r) => fuzzNumber(r) >= first);
        expect(rows).toHaveLength(sent.length);
        const events: FollowUpEvent[] = [];
        const outcomes = await inChunks(rows, PARALLEL, async (row) => ({ row, outcome: await ingestWebhookEvent(getDb(), row.id) }));
        for (const { outcome } of outcomes) events.push(...outcome!.events);

        const after = new Map((await getDb().select().from(webhookEvents).where(inArray(webhookEvents.id, rows.map((r) => r.id)))).map((r) => [fuzzNumber(r), r]));
        const wamids = sent.flatMap((s) => s.messages.filter((m) => m.good).map((m) => m.wamid));
        const stored = await getDb()
          .select({ id: messages.id, waMessageId: messages.waMessageId })
          .from(messages)
          .where(and(eq(messages.channelId, ch.channelId), inArray(messages.waMessageId, wamids.length ? wamids : ["-"])));
        const storedByWamid = new Map(stored.map((m) => [m.waMessageId, m.id]));
        const announced = events.filter((e) => e.name === "papo/message.received").map((e) => e.data.messageId);

        for (const s of sent) {
          const row = after.get(s.n)!;
          const expected = [...s.messages, ...s.statuses];
          const bad = expected.filter((i) => !i.good).length;
          expect(row.status, `body ${s.n}`).toBe(bad === 0 ? "processed" : bad === expected.length ? "failed" : "partial");
          expect(row.items.map((i) => i.outcome === "failed"), `body ${s.n}: ${JSON.stringify(row.items.map((i) => i.reason))}`).toEqual(expected.map((i) => !i.good));
          for (const i of row.items) if (i.outcome === "failed") expect(i.reason, `body ${s.n}`).toMatch(/\S/);
          for (const m of s.messages) {
            if (m.good) expect(announced.filter((id) => id === storedByWamid.get(m.wamid)), `body ${s.n} ${m.wamid}`).toHaveLength(1);
          }
        }
        expect(stored).toHaveLength(wamids.length);
        expect(announced).toHaveLength(wamids.length);

        // A second attempt of any step (crash after commit) yields the same events, and changes nothing.
        for (const { row, outcome } of outcomes.slice(0, 10)) expect((await ingestWebhookEvent(getDb(), row.id))!.events).toEqual(outcome!.events);
        const received = await getDb().select({ id: webhookEvents.id }).from(webhookEvents).where(and(eq(webhookEvents.channelId, ch.channelId), eq(webhookEvents.status, "received")));
        expect(received).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(bodies).toBeGreaterThanOrEqual(RUNS * 80);
  }, 600_000);
});
