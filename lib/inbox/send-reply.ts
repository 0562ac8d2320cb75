import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { conversations, messages, users } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { AppError, notFound } from "@/lib/errors";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { publishMessageChanged } from "@/lib/realtime/publish-message-changed";
import type { OutboundMessageInput } from "@/lib/whatsapp/graph/message-schema";
import { OutsideWindowError } from "@/lib/whatsapp/window/can-send-freeform";
import { assertCanAct } from "./assert-can-act";
import { setConversationOwner } from "./set-conversation-owner";
import { takeOnReply } from "./take-on-reply";
import { toMessageItem, type MessageItem } from "./timeline-item";

/**
 * An agent's reply: the agent rule, then the one outbound path (window check, queued row, durable send). A person
 * replying on a bot-owned conversation takes it over first, so the bot and the agent never answer over each other.
 * Outside the 24-hour window a free-form message is a 409 with `issues[0].path = "window"` and nothing is stored.
 * A person's reply to an unassigned conversation assigns it to them (the organization's `replyAssigns`, on by default).
 */
export async function sendReply(
  ctx: OrgContext,
  conversationId: string,
  input: { message: OutboundMessageInput; replyTo?: string; idempotencyKey?: string; content?: Record<string, unknown> },
): Promise<{ message: MessageItem; created: boolean }> {
  const db = getDb();
  const [conversation] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.organizationId, ctx.org.id), eq(conversations.id, conversationId)));
  if (!conversation) throw notFound("Conversation");
  assertCanAct(ctx, conversation, "conversations.reply");
  let queued;
  try {
    queued = await queueOutboundMessage({
      organizationId: ctx.org.id,
      conversationId,
      message: input.message,
      sender: "user",
      senderUserId: ctx.userId,
      replyTo: input.replyTo,
      idempotencyKey: input.idempotencyKey,
    });
  } catch (err) {
    if (err instanceof OutsideWindowError) throw new AppError("conflict", err.message, [{ path: "window", message: "outside_window" }]);
    throw err;
  }
  if (queued.created) {
    if (input.content) {
      // Extra bookkeeping the caller owns (a retry's `retryOf`), merged after the row exists.
      const [row] = await db
        .update(messages)
        // jsonb || merges in SQL: the durable send may already be writing to this row's content.
        .set({ content: sql`${messages.content} || ${JSON.stringify(input.content)}::jsonb` })
        .where(and(eq(messages.organizationId, ctx.org.id), eq(messages.id, queued.message.id)))
        .returning();
      queued.message = row;
      await publishMessageChanged(ctx.org.id, row.id);
    }
    // queueOutboundMessage already moved the preview and pushed message.created (lib/inbox/on-message-stored.ts).
    if (conversation.owner === "bot" && ctx.userId) await setConversationOwner(ctx, conversationId, "human");
    if (!conversation.assigneeId && ctx.userId) await takeOnReply(ctx, conversationId);
  }
  const [sender] = ctx.userId ? await db.select({ name: users.name }).from(users).where(eq(users.id, ctx.userId)) : [];
  return { message: toMessageItem(queued.message, sender?.name ?? null), created: queued.created };
}
