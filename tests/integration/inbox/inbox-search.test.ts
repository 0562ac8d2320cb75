import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { messages } from "@/db/schema";
import { addNote } from "@/lib/inbox/add-note";
import { countConversations } from "@/lib/inbox/count-conversations";
import { listConversations } from "@/lib/inbox/list-conversations";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { createConversation, createInboxOrg, type InboxOrg } from "./fixtures";

let db: TestDatabase;
let org: InboxOrg;
let other: InboxOrg;
const ids: Record<string, string> = {};
const msg: Record<string, string> = {};
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

async function say(o: InboxOrg, conversationId: string, content: Record<string, unknown>, type = "text", at = new Date()) {
  const [m] = await getDb()
    .insert(messages)
    .values({ organizationId: o.owner.org.id, channelId: o.channelId, conversationId, direction: "inbound", type, content, status: "received", sender: "contact", createdAt: at })
    .returning();
  return m.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createInboxOrg("search");
  other = await createInboxOrg("elsewhere");
  ids.ana = (await createConversation(org, { contactName: "Ana", lastMessageAt: minutesAgo(1) })).id;
  ids.bruno = (await createConversation(org, { contactName: "Bruno", lastMessageAt: minutesAgo(2) })).id;
  ids.carla = (await createConversation(org, { contactName: "Carla", lastMessageAt: minutesAgo(3), status: "closed" })).id;
  ids.busy = (await createConversation(org, { contactName: "Busy", lastMessageAt: minutesAgo(4) })).id;
  await say(org, ids.ana, { text: { body: "Bom dia" } }, "text", minutesAgo(30));
  msg.ana = await say(org, ids.ana, { text: { body: "Preciso da segunda via da FATURA de março, por favor" } }, "text", minutesAgo(20));
  await say(org, ids.ana, { text: { body: "Obrigada" } }, "text", minutesAgo(10));
  msg.bruno = await say(org, ids.bruno, { image: { caption: "foto da fatura vencida", id: "m1" } }, "image");
  await addNote(org.owner, ids.carla, "Cliente pediu reembolso do pedido 4471");
  // More than a thousand messages with the same word: the search takes its other road (EXISTS in activity order).
  await getDb().execute(sql`insert into messages (organization_id, channel_id, conversation_id, direction, type, content, status, sender)
    select ${org.owner.org.id}, ${org.channelId}, ${ids.busy}, 'inbound', 'text', jsonb_build_object('text', jsonb_build_object('body', 'muito obrigado ' || g)), 'received', 'contact'
    from generate_series(1, 1100) g`);
  const foreign = (await createConversation(other, { contactName: "Foreign", lastMessageAt: minutesAgo(0) })).id;
  await say(other, foreign, { text: { body: "a fatura de outra empresa" } });
}, 120_000);
afterAll(async () => db?.drop());

const search = (q: string, status = "all") => listConversations({ organizationId: org.owner.org.id, userId: org.owner.userId, filter: { status: status as "all", q } });

describe("search inside messages and notes", () => {
  it("finds the conversations where a customer wrote the word (any case, captions too), with the newest hit to highlight", async () => {
    const r = await search("fatura");
    expect(r.conversations.map((c) => c.id)).toEqual([ids.ana, ids.bruno]);
    expect(r.conversations[0].searchHit).toMatchObject({ kind: "message", id: msg.ana, text: "Preciso da segunda via da FATURA de março, por favor" });
    expect(r.conversations[1].searchHit).toMatchObject({ kind: "message", id: msg.bruno, text: "foto da fatura vencida" });
    expect((await search("FATURA DE MAR")).conversations.map((c) => c.id)).toEqual([ids.ana]);
  });

  it("finds internal notes, and keeps the other filters (status)", async () => {
    const r = await search("reembolso");
    expect(r.conversations.map((c) => [c.id, c.searchHit?.kind])).toEqual([[ids.carla, "note"]]);
    expect((await search("reembolso", "open")).conversations).toEqual([]);
  });

  it("a word in more than a thousand messages is still found, page by page", async () => {
    const r = await search("obrigado");
    expect(r.conversations.map((c) => c.id)).toEqual([ids.busy]);
    expect(r.conversations[0].searchHit?.text).toMatch(/^muito obrigado \d+$/);
    const counts = await countConversations({ organizationId: org.owner.org.id, userId: org.owner.userId, filter: { status: "open", q: "obrigado" } });
    expect(counts.counts.all).toBe(1);
  });

  it("counts the matches; never another organization's messages; names still match; two letters search names only", async () => {
    const counts = await countConversations({ organizationId: org.owner.org.id, userId: org.owner.userId, filter: { status: "all", q: "fatura" } });
    expect(counts.counts.all).toBe(2);
    const foreign = await listConversations({ organizationId: other.owner.org.id, userId: other.owner.userId, filter: { status: "all", q: "março" } });
    expect(foreign.conversations).toEqual([]);
    expect((await search("Bruno")).conversations.map((c) => [c.id, c.searchHit])).toEqual([[ids.bruno, undefined]]);
    expect((await search("di")).conversations).toEqual([]);
  });
});
