import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { contacts, conversations, messages } from "@/db/schema";
import { parseOutboundContent } from "@/lib/messages/outbound-content";
import { evolutionSendRequest } from "@/lib/messages/providers/evolution-send-request";
import { callbackDataFor } from "@/lib/whatsapp/graph/callback-data";
import type { WebhookEnvelope } from "@/lib/whatsapp/webhook/envelope-schema";
import { ECHO_TEXT } from "./evolution-to-cloud-value";


/**
 * An Evolution send whose answer was lost (timeout, dropped connection, 5xx after the gateway took it) may have gone
 * out: the gateway still announces it with SEND_MESSAGE, under a message id Papo never heard. Evolution lets Papo set
 * neither the message id nor a callback field, so the echo is matched instead: to the oldest outbound message of this
 * channel to the same recipient that has no gateway id yet and is still being sent (per conversation, one send is
 * in flight at a time), and whose text or caption — as Papo drew it for the gateway — is the echoed one. A match
 * gets Papo's callback data, like Meta's biz_opaque_callback_data, so the ingest adopts the row (applyStatus) and the
 * send waiting in doubt is told (papo/message.status) and sends nothing again. No match: the status waits as any
 * status of an unknown id does.
 */
export async function matchSendEchoes(db: Db, organizationId: string, envelope: WebhookEnvelope): Promise<void> {
  for (const entry of envelope.entry) {
    for (const change of entry.changes) {
      const value = change.value as { statuses?: Record<string, unknown>[] };
      for (const status of value.statuses ?? []) {
        if (!(ECHO_TEXT in status) || status.biz_opaque_callback_data) continue;
        const matched = await findSentRow(db, organizationId, status);
        if (matched) status.biz_opaque_callback_data = callbackDataFor(matched);
      }
    }
  }
}

async function findSentRow(db: Db, organizationId: string, status: Record<string, unknown>): Promise<string | null> {
  const waMessageId = String(status.id);
  const recipient = typeof status.recipient_id === "string" ? status.recipient_id : null;
  if (!recipient) return null;
  const [known] = await db.select({ id: messages.id }).from(messages).where(and(eq(messages.organizationId, organizationId), eq(messages.waMessageId, waMessageId))).limit(1);
  if (known) return null;
  const candidates = await db
    .select({ id: messages.id, content: messages.content })
    .from(messages)
    .innerJoin(conversations, and(eq(conversations.organizationId, messages.organizationId), eq(conversations.id, messages.conversationId)))
    .innerJoin(contacts, and(eq(contacts.organizationId, conversations.organizationId), eq(contacts.id, conversations.contactId)))
    .where(
      and(
        eq(messages.organizationId, organizationId),
        eq(messages.direction, "outbound"),
        eq(messages.status, "queued"),
        isNull(messages.waMessageId),
        eq(contacts.waId, recipient),
        inArray(messages.type, ["text", "buttons", "list", "image", "video", "document", "audio", "sticker", "location", "contacts"]),
      ),
    )
    .orderBy(asc(messages.createdAt))
    .limit(20);
  const echoed = typeof status[ECHO_TEXT] === "string" ? (status[ECHO_TEXT] as string) : null;
  return candidates.find((c) => drawnText(c.content, recipient) === echoed)?.id ?? null;
}

/** The text or caption Papo sent the gateway for a stored neutral message (null: none, or it cannot be drawn). */
function drawnText(content: Record<string, unknown>, to: string): string | null {
  try {
    const body = evolutionSendRequest("x", to, parseOutboundContent(content).message).body;
    return typeof body.text === "string" ? body.text : typeof body.caption === "string" ? body.caption : null;
  } catch {
    return null;
  }
}
