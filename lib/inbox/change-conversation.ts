import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { conversationEvents, conversations, type Conversation, type ConversationEvent } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import type { Permission } from "@/lib/auth/permissions";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { publishConversationChanged } from "@/lib/realtime/publish-conversation-changed";
import { publishTimelineEvent } from "@/lib/realtime/publish-timeline-event";
import { assertCanAct } from "./assert-can-act";
import { getConversationItem } from "./get-conversation-item";
import type { ConversationItem } from "./conversation-item";

export type ConversationChange = {
  set?: Partial<Pick<Conversation, "status" | "priority" | "owner" | "assigneeId" | "departmentId" | "closedAt" | "unreadCount" | "agentLastSeenAt">>;
  event?: { kind: ConversationEvent["kind"]; body?: string | null; data?: Record<string, unknown> };
  audit?: AuditEntry;
  /** The list item changes without a column in `set` (tags): still push `conversation.updated`. */
  touch?: boolean;
};

/**
 * The shape of every inbox action: lock the conversation row, apply the agent rule, let `decide` compute the
 * change (it may run more writes on the transaction, e.g. tags), then write the change, its timeline event and its
 * audit entry together. Only after the commit are the events pushed, so agents never see a change that rolled back.
 * `decide` returning null means "nothing to change" (idempotent repeats publish nothing).
 */
export async function changeConversation(
  ctx: OrgContext,
  conversationId: string,
  permission: Permission,
  decide: (conversation: Conversation, tx: Tx) => Promise<ConversationChange | null> | ConversationChange | null,
): Promise<{ conversation: ConversationItem; eventId: string | null }> {
  const orgId = ctx.org.id;
  const result = await getDb().transaction(async (tx) => {
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.organizationId, orgId), eq(conversations.id, conversationId)))
      .for("update");
    if (!conversation) throw notFound("Conversation");
    assertCanAct(ctx, conversation, permission);
    const change = await decide(conversation, tx);
    if (!change) return { changed: false, eventId: null };
    const changed = Boolean(change.touch || (change.set && Object.keys(change.set).length));
    if (changed) {
      await tx
        .update(conversations)
        .set({ ...change.set, updatedAt: new Date() })
        .where(and(eq(conversations.organizationId, orgId), eq(conversations.id, conversationId)));
    }
    let eventId: string | null = null;
    if (change.event) {
      const [event] = await tx
        .insert(conversationEvents)
        .values({
          organizationId: orgId,
          conversationId,
          kind: change.event.kind,
          actorUserId: ctx.userId,
          body: change.event.body ?? null,
          data: change.event.data ?? {},
        })
        .returning({ id: conversationEvents.id });
      eventId = event.id;
    }
    if (change.audit) await recordAudit(tx, ctx, change.audit);
    return { changed, eventId };
  });
  if (result.eventId) await publishTimelineEvent(orgId, result.eventId);
  if (result.changed) await publishConversationChanged(orgId, conversationId);
  return { conversation: await getConversationItem(orgId, conversationId), eventId: result.eventId };
}
