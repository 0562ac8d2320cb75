import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { messages } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { conflict, notFound } from "@/lib/errors";
import { parseOutboundContent } from "@/lib/messages/outbound-content";
import type { OutboundMessageInput } from "@/lib/whatsapp/graph/message-schema";
import { sendReply } from "./send-reply";

/**
 * A failed message is history, never re-sent in place: a retry is a new attempt — a new row with its own
 * idempotency key (`retry:<failed id>:<attempt>`) and `content.retryOf` pointing at the failed one. The window
 * check applies again (a retry outside the window is refused like any free-form send).
 */
export async function retryMessage(ctx: OrgContext, conversationId: string, messageId: string) {
  const db = getDb();
  const [failed] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.organizationId, ctx.org.id), eq(messages.conversationId, conversationId), eq(messages.id, messageId)));
  if (!failed || failed.direction !== "outbound") throw notFound("Message");
  if (failed.status !== "failed") throw conflict("Only a failed message can be retried");
  let stored: ReturnType<typeof parseOutboundContent>;
  try {
    stored = parseOutboundContent(failed.content);
  } catch {
    throw conflict("This message cannot be sent again; write a new one");
  }
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(messages)
    .where(and(eq(messages.organizationId, ctx.org.id), sql`${messages.content}->>'retryOf' = ${messageId}`));
  return sendReply(ctx, conversationId, {
    message: stored.message as OutboundMessageInput,
    replyTo: stored.replyTo,
    idempotencyKey: `retry:${messageId}:${n + 1}`,
    content: { retryOf: messageId },
  });
}
