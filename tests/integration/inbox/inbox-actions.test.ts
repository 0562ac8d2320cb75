import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { agentPresence, auditLog, conversationEvents, conversations, messages, tags } from "@/db/schema";
import { addConversationTag } from "@/lib/inbox/add-conversation-tag";
import { addNote } from "@/lib/inbox/add-note";
import { assignConversation } from "@/lib/inbox/assign-conversation";
import { assignToDepartment } from "@/lib/inbox/assign-to-department";
import { getConversationDetail } from "@/lib/inbox/get-conversation-detail";
import { markConversationRead } from "@/lib/inbox/mark-conversation-read";
import { retryMessage } from "@/lib/inbox/retry-message";
import { saveCannedReply } from "@/lib/inbox/save-canned-reply";
import { saveDepartment } from "@/lib/inbox/save-department";
import { sendReply } from "@/lib/inbox/send-reply";
import { setConversationOwner } from "@/lib/inbox/set-conversation-owner";
import { setConversationStatus } from "@/lib/inbox/set-conversation-status";
import { touchPresence } from "@/lib/inbox/touch-presence";
import { updateContact } from "@/lib/inbox/update-contact";
import { listRealtimeEvents } from "@/lib/realtime/list-realtime-events";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { createConversation, createInboxOrg, type InboxOrg } from "./fixtures";

let db: TestDatabase;
let org: InboxOrg;
type Ctx = Awaited<ReturnType<InboxOrg["as"]>>;
let agentA: Ctx, agentB: Ctx, viewer: Ctx, admin: Ctx;

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createInboxOrg("actions");
  [agentA, agentB, viewer, admin] = [await org.as("agent"), await org.as("agent"), await org.as("viewer"), await org.as("admin")];
});
afterAll(async () => db.drop());

describe("the agent rule", () => {
  it("agents act on unassigned and own conversations, get 403 on others'; viewers never; admins always", async () => {
    const c = await createConversation(org, { lastMessageAt: new Date() });
    await expect(setConversationStatus(viewer, c.id, "pending")).rejects.toMatchObject({ code: "forbidden" });
    await expect(addNote(viewer, c.id, "hi")).rejects.toMatchObject({ code: "forbidden" });
    // Unassigned: any agent may take it.
    const assigned = await assignConversation(agentA, c.id, { assigneeId: agentA.userId });
    expect(assigned.assigneeId).toBe(agentA.userId);
    await expect(setConversationStatus(agentB, c.id, "closed")).rejects.toMatchObject({ code: "forbidden" });
    await expect(addNote(agentB, c.id, "not mine")).rejects.toMatchObject({ code: "forbidden" });
    await expect(assignConversation(agentB, c.id, { assigneeId: agentB.userId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(markConversationRead(agentB, c.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await setConversationStatus(agentA, c.id, "pending")).status).toBe("pending");
    expect((await setConversationStatus(admin, c.id, "closed")).closedAt).not.toBeNull();
    const detailB = await getConversationDetail(agentB, c.id);
    expect(detailB.can).toEqual({ reply: false, assign: false, manage: false, note: false });
    expect((await getConversationDetail(agentA, c.id)).can.reply).toBe(true);
    expect((await getConversationDetail(viewer, c.id)).can).toEqual({ reply: false, assign: false, manage: false, note: false });
    // Nothing of it leaked into the row: the refused calls changed nothing.
    const [row] = await getDb().select().from(conversations).where(eq(conversations.id, c.id));
    expect(row).toMatchObject({ assigneeId: agentA.userId, status: "closed" });
  });

  it("a conversation of another organization is a 404", async () => {
    const stranger = await createInboxOrg("stranger");
    const c = await createConversation(stranger, {});
    await expect(setConversationStatus(admin, c.id, "closed")).rejects.toMatchObject({ code: "not_found" });
  });

  it("assigning only to members who can reply", async () => {
    const c = await createConversation(org, {});
    await expect(assignConversation(admin, c.id, { assigneeId: viewer.userId })).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("actions are audited, on the timeline, and pushed", () => {
  it("a note, a transfer and a tag each leave an event, an audit entry and a realtime event with a seq", async () => {
    const c = await createConversation(org, {});
    const { lastSeq } = await listRealtimeEvents(org.owner.org.id, undefined);
    const note = await addNote(agentA, c.id, "Customer is upset");
    expect(note).toMatchObject({ kind: "event", type: "note", body: "Customer is upset", actorUserId: agentA.userId });
    const transferred = await assignConversation(agentA, c.id, { assigneeId: agentB.userId, note: "Over to you" });
    expect(transferred.assigneeId).toBe(agentB.userId);
    const [tag] = await getDb().insert(tags).values({ organizationId: org.owner.org.id, name: `t-${c.id.slice(0, 6)}` }).returning();
    await addConversationTag(agentB, c.id, tag.id);
    const kinds = (await getDb().select().from(conversationEvents).where(eq(conversationEvents.conversationId, c.id))).map((e) => e.kind);
    expect(kinds.sort()).toEqual(["note", "tagged", "transferred"]);
    const audits = (await getDb().select().from(auditLog).where(and(eq(auditLog.organizationId, org.owner.org.id), eq(auditLog.targetId, c.id)))).map((a) => a.action);
    expect(audits.sort()).toEqual(["conversation.note", "conversation.tag", "conversation.transfer"]);
    const missed = await listRealtimeEvents(org.owner.org.id, lastSeq);
    expect(missed.events.map((e) => e.type)).toEqual([
      "timeline.event.created",
      "timeline.event.created",
      "conversation.updated",
      "timeline.event.created",
      "conversation.updated",
    ]);
    // A note changes no list item: it pushes only its timeline event.
    expect(missed.events.every((e, i, a) => i === 0 || e.seq > a[i - 1].seq)).toBe(true);
    expect(missed.events[2].payload).toMatchObject({ id: c.id, assigneeId: agentB.userId });
    expect(missed.lastSeq).toBe(missed.events.at(-1)!.seq);
    expect((await listRealtimeEvents(org.owner.org.id, lastSeq, 2)).truncated).toBe(true);
  });

  it("a repeated action changes nothing and pushes nothing", async () => {
    const c = await createConversation(org, {});
    await setConversationOwner(admin, c.id, "human");
    const { lastSeq } = await listRealtimeEvents(org.owner.org.id, undefined);
    await setConversationOwner(admin, c.id, "human");
    expect((await listRealtimeEvents(org.owner.org.id, lastSeq)).events).toEqual([]);
  });

  it("mark read clears the shared unread counter", async () => {
    const c = await createConversation(org, { unreadCount: 3 });
    expect((await markConversationRead(agentA, c.id)).unreadCount).toBe(0);
  });
});

describe("departments and automatic assignment", () => {
  it("round robin among online members; nobody online leaves it with the department", async () => {
    const dept = await saveDepartment(admin, { name: "Sales", autoAssign: true, memberIds: [agentA.userId, agentB.userId] });
    expect(dept.members.map((m) => m.userId).sort()).toEqual([agentA.userId, agentB.userId].sort());
    const orgId = org.owner.org.id;
    // Nobody online yet.
    const c0 = await createConversation(org, {});
    expect((await assignToDepartment({ organizationId: orgId, conversationId: c0.id, departmentId: dept.id })).assigneeId).toBeNull();
    const [row0] = await getDb().select().from(conversations).where(eq(conversations.id, c0.id));
    expect(row0).toMatchObject({ departmentId: dept.id, assigneeId: null, owner: "human" });

    await touchPresence(orgId, agentA.userId, "online");
    await touchPresence(orgId, agentB.userId, "online");
    const picks: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await createConversation(org, {});
      picks.push((await assignToDepartment({ organizationId: orgId, conversationId: c.id, departmentId: dept.id })).assigneeId);
    }
    expect(new Set(picks.slice(0, 2))).toEqual(new Set([agentA.userId, agentB.userId]));
    expect(picks.slice(2)).toEqual(picks.slice(0, 2));

    // Away and stale agents are skipped.
    await touchPresence(orgId, agentA.userId, "away");
    await getDb().update(agentPresence).set({ lastSeenAt: new Date(Date.now() - 5 * 60_000) }).where(eq(agentPresence.userId, agentB.userId));
    const c5 = await createConversation(org, {});
    expect((await assignConversation(admin, c5.id, { departmentId: dept.id })).assigneeId).toBeNull();
    await touchPresence(orgId, agentB.userId);
    const c6 = await createConversation(org, {});
    expect((await assignConversation(admin, c6.id, { departmentId: dept.id })).assigneeId).toBe(agentB.userId);
  });
});

describe("replies", () => {
  it("outside the 24-hour window a free-form reply is a 409 naming the window; nothing is stored", async () => {
    const c = await createConversation(org, { windowExpiresAt: new Date(Date.now() - 1000) });
    await expect(sendReply(agentA, c.id, { message: { type: "text", body: "late" } })).rejects.toMatchObject({
      code: "conflict",
      issues: [{ path: "window", message: "outside_window" }],
    });
    expect(await getDb().$count(messages, eq(messages.conversationId, c.id))).toBe(0);
  });

  it("an agent cannot reply in someone else's conversation", async () => {
    const c = await createConversation(org, { windowExpiresAt: new Date(Date.now() + 3600_000), assigneeId: agentB.userId });
    await expect(sendReply(agentA, c.id, { message: { type: "text", body: "hi" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(sendReply(viewer, c.id, { message: { type: "text", body: "hi" } })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("only a failed message can be retried, and a retry outside the window is refused like any send", async () => {
    const c = await createConversation(org, { windowExpiresAt: new Date(Date.now() - 1000) });
    const base = { organizationId: org.owner.org.id, channelId: org.channelId, conversationId: c.id, direction: "outbound" as const, type: "text", content: { type: "text", body: "x" }, sender: "user" as const };
    const [sent] = await getDb().insert(messages).values({ ...base, status: "sent" }).returning();
    const [failed] = await getDb().insert(messages).values({ ...base, status: "failed" }).returning();
    await expect(retryMessage(agentA, c.id, sent.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(retryMessage(agentA, c.id, failed.id)).rejects.toMatchObject({ code: "conflict", issues: [{ path: "window" }] });
  });
});

describe("replies that go out", () => {
  it("a reply is queued and pushed; on a bot-owned conversation it takes over from the bot", async () => {
    const c = await createConversation(org, { windowExpiresAt: new Date(Date.now() + 3600_000), owner: "bot" });
    const { lastSeq } = await listRealtimeEvents(org.owner.org.id, undefined);
    const { message, created } = await sendReply(agentA, c.id, { message: { type: "text", body: "Oi, aqui é a Ana" }, idempotencyKey: "composer-draft-1" });
    expect(created).toBe(true);
    expect(message).toMatchObject({ kind: "message", direction: "outbound", status: "queued", senderUserId: agentA.userId });
    const [row] = await getDb().select().from(conversations).where(eq(conversations.id, c.id));
    expect(row).toMatchObject({ owner: "human", lastMessagePreview: "Oi, aqui é a Ana", lastMessageDirection: "outbound" });
    const types = (await listRealtimeEvents(org.owner.org.id, lastSeq)).events.map((e) => e.type);
    expect(types).toContain("message.created");
    expect(types).toContain("conversation.updated");
    // The same composer key again: the first message, nothing new.
    const again = await sendReply(agentA, c.id, { message: { type: "text", body: "Oi, aqui é a Ana" }, idempotencyKey: "composer-draft-1" });
    expect(again).toMatchObject({ created: false, message: { id: message.id } });
  });

  it("retrying a failed message creates a new attempt each time, pointing at the failed one", async () => {
    const c = await createConversation(org, { windowExpiresAt: new Date(Date.now() + 3600_000) });
    const [failed] = await getDb()
      .insert(messages)
      .values({ organizationId: org.owner.org.id, channelId: org.channelId, conversationId: c.id, direction: "outbound", type: "text", content: { type: "text", body: "tentativa" }, status: "failed", sender: "user" })
      .returning();
    const first = await retryMessage(agentA, c.id, failed.id);
    const second = await retryMessage(agentA, c.id, failed.id);
    expect(first.message.id).not.toBe(second.message.id);
    for (const r of [first, second]) expect(r.message).toMatchObject({ status: "queued", retryOf: failed.id, content: { body: "tentativa" } });
    const [reloaded] = await getDb().select().from(messages).where(eq(messages.id, failed.id));
    expect(reloaded.status).toBe("failed");
  });
});

describe("canned replies and contacts", () => {
  it("a duplicate shortcut is a conflict; the leading slash is ignored", async () => {
    const r = await saveCannedReply(admin, { shortcut: "/Hello", body: "Olá! Como posso ajudar?" });
    expect(r.shortcut).toBe("hello");
    await expect(saveCannedReply(admin, { shortcut: "hello", body: "again" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("editing the contact name shows in its conversations and is audited", async () => {
    const c = await createConversation(org, { contactName: "Old" });
    const panel = await updateContact(agentA, c.contactId, { name: "New Name", blocked: true });
    expect(panel.contact).toMatchObject({ name: "New Name", blocked: true });
    expect((await getConversationDetail(agentA, c.id)).conversation.displayName).toBe("New Name");
  });
});
