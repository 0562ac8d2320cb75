import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { conversations, flowVersions, flows, messageCosts, messages } from "@/db/schema";
import { countConversations } from "@/lib/inbox/count-conversations";
import { listConversations } from "@/lib/inbox/list-conversations";
import { parseConversationFilter } from "@/lib/inbox/conversation-filters";
import { startTestSession } from "@/lib/flows/runtime/start-test-session";
import { recordMessageCost } from "@/lib/spend/record-message-cost";
import { findOrCreateConversation } from "@/lib/whatsapp/ingest/find-or-create-conversation";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { createConversation, createInboxOrg, type InboxOrg } from "./fixtures";

let db: TestDatabase;
let org: InboxOrg;
let realId: string;
let test: Awaited<ReturnType<typeof startTestSession>>;

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createInboxOrg("tests");
  realId = (await createConversation(org, { contactName: "Real customer", lastMessageAt: new Date(), unreadCount: 1 })).id;
  const [flow] = await getDb().insert(flows).values({ organizationId: org.owner.org.id, name: "Welcome" }).returning();
  await getDb().insert(flowVersions).values({ organizationId: org.owner.org.id, flowId: flow.id, version: 0, graph: { nodes: [], edges: [] } });
  test = await startTestSession(org.owner, flow.id, org.channelId);
  // The customer wrote on the sandbox phone: unread, the newest activity of the inbox.
  await getDb().update(conversations).set({ lastMessageAt: new Date(Date.now() + 1000), unreadCount: 3 }).where(eq(conversations.id, test.conversationId));
});
afterAll(async () => db?.drop());

const ids = (r: { conversations: { id: string }[] }) => r.conversations.map((c) => c.id);

describe("the flow editor's test conversations", () => {
  it("are marked, and left out of the list, the tab counts and the unread counts by default", async () => {
    const [row] = await getDb().select().from(conversations).where(eq(conversations.id, test.conversationId));
    expect(row.isTest).toBe(true);
    const list = await listConversations({ organizationId: org.owner.org.id, userId: org.owner.userId, filter: parseConversationFilter(new URLSearchParams("status=open")) });
    expect(ids(list)).toEqual([realId]);
    const counts = await countConversations({ organizationId: org.owner.org.id, userId: org.owner.userId, filter: parseConversationFilter(new URLSearchParams()) });
    expect(counts.counts).toMatchObject({ all: 1, unassigned: 1 });
    expect(counts.unread).toMatchObject({ all: 1, unassigned: 1 });
  });

  it("show, marked, with the 'Show test conversations' filter", async () => {
    const list = await listConversations({ organizationId: org.owner.org.id, userId: org.owner.userId, filter: parseConversationFilter(new URLSearchParams("status=open&test=1")) });
    expect(list.conversations.map((c) => [c.id, c.isTest])).toEqual([
      [test.conversationId, true],
      [realId, false],
    ]);
    const counts = await countConversations({ organizationId: org.owner.org.id, userId: org.owner.userId, filter: parseConversationFilter(new URLSearchParams("test=1")) });
    expect(counts.unread.all).toBe(2);
  });

  it("stay test conversations when the test customer starts a new one through ingest (after a long close)", async () => {
    const closedAt = new Date(Date.now() - 3 * 24 * 3600_000);
    await getDb().update(conversations).set({ status: "closed", closedAt }).where(eq(conversations.id, test.conversationId));
    const next = await findOrCreateConversation(getDb(), { organizationId: org.owner.org.id, channelId: org.channelId, contactId: test.contactId, at: new Date(), reopens: true });
    expect(next.created).toBe(true);
    const [row] = await getDb().select().from(conversations).where(eq(conversations.id, next.id));
    expect(row.isTest).toBe(true);
    // A real customer's new conversation is not.
    const real = await getDb().select().from(conversations).where(eq(conversations.id, realId));
    const again = await findOrCreateConversation(getDb(), { organizationId: org.owner.org.id, channelId: org.channelId, contactId: real[0].contactId, at: new Date(), reopens: true });
    expect((await getDb().select().from(conversations).where(eq(conversations.id, again.id)))[0].isTest).toBe(false);
  });

  it("count in no spend", async () => {
    const sent = { organizationId: org.owner.org.id, channelId: org.channelId, direction: "outbound" as const, type: "text", content: { type: "text", body: "hi" }, status: "sent" as const, sender: "bot" as const, sentAt: new Date() };
    const [testMsg] = await getDb().insert(messages).values({ ...sent, conversationId: test.conversationId, waMessageId: "wamid.test-1" }).returning();
    const [realMsg] = await getDb().insert(messages).values({ ...sent, conversationId: realId, waMessageId: "wamid.real-1" }).returning();
    const status = (id: string) => ({ id, status: "sent", timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: "5511900000001" }) as never;
    await getDb().transaction(async (tx) => {
      await recordMessageCost(tx, { organizationId: org.owner.org.id, messageId: testMsg.id, status: status("wamid.test-1") });
      await recordMessageCost(tx, { organizationId: org.owner.org.id, messageId: realMsg.id, status: status("wamid.real-1") });
    });
    const costs = await getDb().select({ messageId: messageCosts.messageId }).from(messageCosts).where(and(eq(messageCosts.organizationId, org.owner.org.id)));
    expect(costs.map((c) => c.messageId)).toEqual([realMsg.id]);
  });
});
