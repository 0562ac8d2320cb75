import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { conversationEvents, users } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { changeConversation } from "./change-conversation";
import { toEventItem, type EventItem } from "./timeline-item";

/** An internal note: a conversation_events row, a table no send path reads, so it can never reach the customer. */
export async function addNote(ctx: OrgContext, conversationId: string, body: string): Promise<EventItem> {
  const { eventId } = await changeConversation(ctx, conversationId, "notes.write", () => ({
    event: { kind: "note", body },
    audit: { action: "conversation.note", targetType: "conversation", targetId: conversationId },
  }));
  const [row] = await getDb()
    .select({ e: conversationEvents, name: users.name })
    .from(conversationEvents)
    .leftJoin(users, eq(users.id, conversationEvents.actorUserId))
    .where(and(eq(conversationEvents.organizationId, ctx.org.id), eq(conversationEvents.id, eventId!)));
  return toEventItem(row.e, row.name);
}
