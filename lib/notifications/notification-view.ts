import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { conversations, messages, type Message } from "@/db/schema";
import { notFound } from "@/lib/errors";

export type NotificationView = {
  id: string;
  status: Message["status"];
  deliveryPath: "whatsapp" | "sms";
  channelId: string;
  conversationId: string;
  contactId: string;
  waMessageId: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
  error: { code: number | null; title: string | null; details: string | null } | null;
  /** The SMS sent instead, when WhatsApp refused for good (fallback). */
  sms: { messageId: string; status: Message["status"]; sentAt: string | null; error: string | null } | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toNotificationView(m: Message, contactId: string, sms: Message | null): NotificationView {
  return {
    id: m.id,
    status: m.status,
    deliveryPath: m.deliveryPath === "sms" ? "sms" : "whatsapp",
    channelId: m.channelId,
    conversationId: m.conversationId,
    contactId,
    waMessageId: m.waMessageId,
    createdAt: m.createdAt.toISOString(),
    sentAt: iso(m.sentAt),
    deliveredAt: iso(m.deliveredAt),
    readAt: iso(m.readAt),
    failedAt: iso(m.failedAt),
    error: m.status === "failed" ? { code: m.errorCode, title: m.errorTitle, details: m.errorDetails } : null,
    sms: sms ? { messageId: sms.id, status: sms.status, sentAt: iso(sms.sentAt), error: sms.errorTitle } : null,
  };
}

/** A notification (an outbound message of the organization) with its statuses: `GET …/notifications/{id}`. */
export async function getNotification(organizationId: string, messageId: string): Promise<NotificationView> {
  const db = getDb();
  const [row] = await db
    .select({ message: messages, contactId: conversations.contactId })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId), eq(messages.direction, "outbound")));
  if (!row) throw notFound("Notification");
  const smsId = (row.message.content.smsFallback as { messageId?: string } | undefined)?.messageId;
  const [sms] = smsId ? await db.select().from(messages).where(and(eq(messages.organizationId, organizationId), eq(messages.id, smsId))) : [];
  return toNotificationView(row.message, row.contactId, sms ?? null);
}
