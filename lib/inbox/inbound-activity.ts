import { sql } from "drizzle-orm";
import { contacts, conversations } from "@/db/schema";
import { messagePreview } from "./message-preview";

/**
 * The conversation columns an inbound message moves, as a `.set()` fragment for the transaction that stores the
 * message (so a repeated webhook, which inserts nothing, counts nothing). Reactions and system notices do not count
 * as unread, and neither does anything from a blocked contact (stored, but nobody is notified: issue #12). A
 * message older than the latest one (late delivery) does not replace the preview.
 */
export function inboundActivity(type: string, content: Record<string, unknown>, at: Date) {
  const counts = type !== "reaction" && type !== "system";
  const newest = sql`${at.toISOString()}::timestamptz >= coalesce(${conversations.lastMessageAt}, '-infinity'::timestamptz)`;
  return {
    unreadCount: counts
      ? sql`${conversations.unreadCount} + (case when exists (select 1 from ${contacts} where ${contacts.id} = ${conversations.contactId} and ${contacts.blocked}) then 0 else 1 end)`
      : sql`${conversations.unreadCount}`,
    lastMessagePreview: sql`case when ${newest} then ${messagePreview(type, content)} else ${conversations.lastMessagePreview} end`,
    lastMessageDirection: sql`case when ${newest} then 'inbound' else ${conversations.lastMessageDirection} end`,
  };
}
