import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, conversationEvents, conversations } from "@/db/schema";
import { getInboxSettings, updateInboxSettings } from "@/lib/inbox/inbox-settings";
import { sendReply } from "@/lib/inbox/send-reply";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { createConversation, createInboxOrg, type InboxOrg } from "./fixtures";

let db: TestDatabase;
let org: InboxOrg;
let agentA: Awaited<ReturnType<InboxOrg["as"]>>;
let agentB: Awaited<ReturnType<InboxOrg["as"]>>;
const open = () => createConversation(org, { windowExpiresAt: new Date(Date.now() + 3600_000) });
const row = async (id: string) => (await getDb().select().from(conversations).where(eq(conversations.id, id)))[0];

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createInboxOrg("reply-assigns");
  agentA = await org.as("agent");
  agentB = await org.as("agent");
});
afterAll(async () => db?.drop());

describe("replying to an unassigned conversation", () => {
  it("assigns it to the replier by default, with a timeline event and an audit entry", async () => {
    expect(await getInboxSettings(org.owner.org.id)).toEqual({ replyAssigns: true });
    const c = await open();
    await sendReply(agentA, c.id, { message: { type: "text", body: "Olá!" } });
    expect((await row(c.id)).assigneeId).toBe(agentA.userId);
    const [event] = await getDb().select().from(conversationEvents).where(and(eq(conversationEvents.conversationId, c.id), eq(conversationEvents.kind, "assigned")));
    expect(event).toMatchObject({ actorUserId: agentA.userId, data: { assigneeId: agentA.userId, onReply: true } });
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.organizationId, org.owner.org.id), eq(auditLog.targetId, c.id)));
    expect(audits.map((a) => a.action)).toContain("conversation.assign");
    // The conversation is Ana's now: another agent's reply is refused (the agent rule).
    await expect(sendReply(agentB, c.id, { message: { type: "text", body: "Eu também" } })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("leaves an assigned conversation with its assignee (an admin replying does not take it)", async () => {
    const c = await createConversation(org, { windowExpiresAt: new Date(Date.now() + 3600_000), assigneeId: agentB.userId });
    await sendReply(org.owner, c.id, { message: { type: "text", body: "Ajudando" } });
    expect((await row(c.id)).assigneeId).toBe(agentB.userId);
  });

  it("does not assign when the organization turned it off", async () => {
    await updateInboxSettings(org.owner, { replyAssigns: false });
    expect(await getInboxSettings(org.owner.org.id)).toEqual({ replyAssigns: false });
    const c = await open();
    await sendReply(agentA, c.id, { message: { type: "text", body: "Olá!" } });
    expect((await row(c.id)).assigneeId).toBeNull();
    await updateInboxSettings(org.owner, { replyAssigns: true });
  });
});
