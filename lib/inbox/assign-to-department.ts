import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { conversationEvents, conversations } from "@/db/schema";
import { publishConversationChanged } from "@/lib/realtime/publish-conversation-changed";
import { publishTimelineEvent } from "@/lib/realtime/publish-timeline-event";
import { resolveAssignment } from "./resolve-assignment";

/**
 * For the system (a bot handoff, a flow's "transfer to department" node): hand the conversation to a department,
 * auto-assigning an online member if the department does so, and set the owner to `human` so the bot stops.
 * No agent rule and no audit entry (no person acted); the timeline gets an `assigned` event. Call it after the
 * caller's own transaction has committed (it opens its own and pushes the change live).
 * Returns the assignee picked (null when nobody was online or the department does not assign automatically).
 */
export async function assignToDepartment(args: {
  organizationId: string;
  conversationId: string;
  departmentId: string;
  note?: string | null;
}): Promise<{ assigneeId: string | null }> {
  const { organizationId, conversationId } = args;
  const result = await getDb().transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, conversationId)))
      .for("update");
    if (!c) return null;
    const change = await resolveAssignment(tx, organizationId, c, { departmentId: args.departmentId, note: args.note });
    const assigneeId = change?.set?.assigneeId ?? c.assigneeId;
    await tx
      .update(conversations)
      .set({ ...(change?.set ?? {}), owner: "human", updatedAt: new Date() })
      .where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, conversationId)));
    if (!change?.event) return { assigneeId, eventId: null };
    const [event] = await tx
      .insert(conversationEvents)
      .values({ organizationId, conversationId, kind: "assigned", body: change.event.body ?? null, data: change.event.data ?? {} })
      .returning({ id: conversationEvents.id });
    return { assigneeId, eventId: event.id };
  });
  if (!result) return { assigneeId: null };
  if (result.eventId) await publishTimelineEvent(organizationId, result.eventId);
  await publishConversationChanged(organizationId, conversationId);
  return { assigneeId: result.assigneeId };
}
