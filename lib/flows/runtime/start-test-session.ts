import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations, flowSessions, flowVersions, flows } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { AppError, notFound } from "@/lib/errors";
import { getSandboxChannelOrThrow } from "@/lib/sandbox/get-sandbox-channel";
import { createSession } from "./create-session";
import { endSession } from "./end-session";
import { TEST_FLOW_ATTRIBUTE, testCustomerWaId } from "./test-contact";

export type TestSessionStart = { conversationId: string; contactId: string; sessionId: string; phone: string; waId: string; name: string };

/**
 * The editor's test panel: a sandbox customer of its own (a stable fake number per flow and person) whose
 * conversation runs the flow's DRAFT (version 0, read live, so edits apply to the next step). Resets: any live
 * session of that conversation ends, the conversation is the bot's again, and a fresh test session waits for the
 * customer's first message on the sandbox phone. Test sessions never count in the node statistics.
 */
export async function startTestSession(ctx: OrgContext, flowId: string, channelId: string, now = new Date()): Promise<TestSessionStart> {
  const channel = await getSandboxChannelOrThrow(ctx.org.id, channelId);
  const waId = testCustomerWaId(flowId, ctx.userId);
  return getDb().transaction(async (tx) => {
    const [flow] = await tx
      .select({ id: flows.id, name: flows.name, draftId: flowVersions.id })
      .from(flows)
      .leftJoin(flowVersions, and(eq(flowVersions.flowId, flows.id), eq(flowVersions.version, 0)))
      .where(and(eq(flows.organizationId, ctx.org.id), eq(flows.id, flowId), isNull(flows.deletedAt)));
    if (!flow) throw notFound("Flow");
    if (!flow.draftId) throw new AppError("conflict", "This flow has no draft to test yet: save it first");
    const name = `Test · ${flow.name}`.slice(0, 80);
    await tx
      .insert(contacts)
      .values({ organizationId: ctx.org.id, channelId: channel.id, waId, phoneE164: `+${waId}`, profileName: name, name, attributes: { [TEST_FLOW_ATTRIBUTE]: flow.id } })
      .onConflictDoNothing();
    const [contact] = await tx
      .update(contacts)
      .set({ botEnabled: true, blocked: false, attributes: sql`${contacts.attributes} || ${JSON.stringify({ [TEST_FLOW_ATTRIBUTE]: flow.id })}::jsonb`, updatedAt: now })
      .where(and(eq(contacts.organizationId, ctx.org.id), eq(contacts.channelId, channel.id), eq(contacts.waId, waId)))
      .returning();
    const [latest] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.organizationId, ctx.org.id), eq(conversations.channelId, channel.id), eq(conversations.contactId, contact.id)))
      .orderBy(desc(conversations.createdAt))
      .limit(1);
    let conversationId: string;
    if (latest && latest.status !== "closed") {
      conversationId = latest.id;
      await tx.update(conversations).set({ owner: "none", assigneeId: null, updatedAt: now }).where(and(eq(conversations.organizationId, ctx.org.id), eq(conversations.id, latest.id)));
    } else {
      const [created] = await tx.insert(conversations).values({ organizationId: ctx.org.id, channelId: channel.id, contactId: contact.id, status: "open", isTest: true }).returning({ id: conversations.id });
      conversationId = created.id;
    }
    const live = await tx
      .select()
      .from(flowSessions)
      .where(and(eq(flowSessions.organizationId, ctx.org.id), eq(flowSessions.conversationId, conversationId), inArray(flowSessions.status, ["active", "waiting"])))
      .for("update");
    for (const s of live) await endSession(tx, s, "completed", "test reset", now);
    const session = await createSession(tx, { organizationId: ctx.org.id, flowId: flow.id, flowVersionId: flow.draftId, channelId: channel.id, conversationId, contactId: contact.id, isTest: true, now });
    return { conversationId, contactId: contact.id, sessionId: session.id, phone: `+${waId}`, waId, name };
  });
}
