import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { conversationEvents, conversationTags, messages, tags } from "@/db/schema";
import { countConversations } from "@/lib/inbox/count-conversations";
import { listConversations } from "@/lib/inbox/list-conversations";
import { listTimeline } from "@/lib/inbox/list-timeline";
import { parseConversationFilter } from "@/lib/inbox/conversation-filters";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { createConversation, createInboxOrg, type InboxOrg } from "./fixtures";

let db: TestDatabase;
let org: InboxOrg;
let other: InboxOrg;
let agentId: string;
const ids: Record<string, string> = {};
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createInboxOrg("list");
  other = await createInboxOrg("other");
  agentId = (await org.as("agent")).userId;
  const [vip] = await getDb().insert(tags).values({ organizationId: org.owner.org.id, name: "vip" }).returning();
  ids.vip = vip.id;
  ids.maria = (await createConversation(org, { contactName: "Maria Souza", phoneE164: "+5511988887777", lastMessageAt: minutesAgo(1), unreadCount: 2 })).id;
  ids.joao = (await createConversation(org, { contactName: "João", lastMessageAt: minutesAgo(2), assigneeId: agentId })).id;
  ids.bot = (await createConversation(org, { contactName: "Bot user", lastMessageAt: minutesAgo(3), owner: "bot", unreadCount: 1 })).id;
  ids.pending = (await createConversation(org, { contactName: "Pending", lastMessageAt: minutesAgo(4), status: "pending" })).id;
  ids.closed = (await createConversation(org, { contactName: "Closed", lastMessageAt: minutesAgo(5), status: "closed" })).id;
  ids.empty = (await createConversation(org, { contactName: "No messages yet" })).id;
  // Same timestamp for two rows: the keyset must still split them exactly.
  const tie = minutesAgo(10);
  ids.tieA = (await createConversation(org, { contactName: "Tie A", lastMessageAt: tie })).id;
  ids.tieB = (await createConversation(org, { contactName: "Tie B", lastMessageAt: tie })).id;
  await getDb().insert(conversationTags).values({ organizationId: org.owner.org.id, conversationId: ids.joao, tagId: vip.id });
  ids.foreign = (await createConversation(other, { contactName: "Maria Souza", lastMessageAt: minutesAgo(0) })).id;
});
afterAll(async () => db.drop());

const list = (filter: Record<string, string>, userId: string | null = null) =>
  listConversations({ organizationId: org.owner.org.id, userId, filter: parseConversationFilter(new URLSearchParams(filter)) }).then((r) =>
    r.conversations.map((c) => c.id),
  );

describe("conversation list", () => {
  it("shows open conversations by last activity (no message yet first), never another organization's", async () => {
    expect(await list({})).toEqual([ids.empty, ids.maria, ids.joao, ids.bot, ...[ids.tieA, ids.tieB].sort().reverse()]);
  });

  it("filters by status, assignee, owner, tag, unread", async () => {
    expect(await list({ status: "pending" })).toEqual([ids.pending]);
    expect(await list({ status: "closed" })).toEqual([ids.closed]);
    expect((await list({ status: "all" })).length).toBe(8);
    expect(await list({ assignee: "mine" }, agentId)).toEqual([ids.joao]);
    expect(await list({ assignee: "mine" }, null)).toEqual([]);
    expect(await list({ assignee: agentId })).toEqual([ids.joao]);
    expect(await list({ assignee: "unassigned" })).not.toContain(ids.joao);
    expect(await list({ owner: "bot" })).toEqual([ids.bot]);
    expect(await list({ tagId: ids.vip })).toEqual([ids.joao]);
    expect(await list({ unread: "1" })).toEqual([ids.maria, ids.bot]);
    expect(await list({ channelId: other.channelId })).toEqual([]);
  });

  it("searches by contact name (case and accents as typed) and by phone digits", async () => {
    expect(await list({ q: "maria" })).toEqual([ids.maria]);
    expect(await list({ q: "8888-7777" })).toEqual([ids.maria]);
    expect(await list({ q: "Jo" })).toEqual([ids.joao]);
    expect(await list({ q: "%" + "_" })).toEqual([]);
  });

  it("pages with a keyset cursor: every conversation exactly once, in order, ties included", async () => {
    const all = await list({});
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listConversations({ organizationId: org.owner.org.id, userId: null, filter: { status: "open" }, limit: 2, cursor });
      seen.push(...page.conversations.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    await expect(listConversations({ organizationId: org.owner.org.id, userId: null, filter: {}, cursor: "garbage" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("list items carry contact, tags, unread and the display name", async () => {
    const { conversations } = await listConversations({ organizationId: org.owner.org.id, userId: null, filter: { status: "open", tagId: ids.vip } });
    expect(conversations[0]).toMatchObject({ displayName: "João", assigneeId: agentId, tags: [{ id: ids.vip, name: "vip" }], unreadCount: 0 });
  });

  it("counts per filter, with unread counts", async () => {
    const r = await countConversations({ organizationId: org.owner.org.id, userId: agentId, filter: {} });
    expect(r).toEqual({ status: "open", counts: { all: 6, mine: 1, unassigned: 5, bot: 1 }, unread: { all: 2, mine: 0, unassigned: 2, bot: 1 } });
    const closed = await countConversations({ organizationId: org.owner.org.id, userId: agentId, filter: { status: "closed" } });
    expect(closed.counts.all).toBe(1);
  });
});

describe("timeline", () => {
  it("interleaves messages and events, newest page first, each page oldest first", async () => {
    const c = await createConversation(org, { lastMessageAt: new Date() });
    const base = Date.now() - 60_000;
    const orgId = org.owner.org.id;
    for (let i = 0; i < 5; i++) {
      await getDb().insert(messages).values({
        organizationId: orgId, channelId: org.channelId, conversationId: c.id, direction: "inbound", type: "text",
        content: { text: { body: `m${i}` } }, status: "received", sender: "contact", createdAt: new Date(base + i * 2000),
      });
      await getDb().insert(conversationEvents).values({ organizationId: orgId, conversationId: c.id, kind: "note", body: `n${i}`, createdAt: new Date(base + i * 2000 + 1000) });
    }
    const label = (i: { kind: string } & Record<string, unknown>) =>
      i.kind === "message" ? ((i.content as { text: { body: string } }).text.body) : (i.body as string);
    const first = await listTimeline({ organizationId: orgId, conversationId: c.id, limit: 4 });
    expect(first.items.map(label)).toEqual(["m3", "n3", "m4", "n4"]);
    const second = await listTimeline({ organizationId: orgId, conversationId: c.id, limit: 4, before: first.nextCursor! });
    expect(second.items.map(label)).toEqual(["m1", "n1", "m2", "n2"]);
    const third = await listTimeline({ organizationId: orgId, conversationId: c.id, limit: 4, before: second.nextCursor! });
    expect(third.items.map(label)).toEqual(["m0", "n0"]);
    expect(third.nextCursor).toBeNull();
    await expect(listTimeline({ organizationId: other.owner.org.id, conversationId: c.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
