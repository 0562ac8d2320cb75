import { sql } from "drizzle-orm";
import { conversations } from "@/db/schema";
import { messagePreview } from "./message-preview";

/**
 * The conversation columns an inbound message moves, as a `.set()` fragment for the transaction that stores the
 * message (so a repeated webhook, which inserts nothing, counts nothing). Reactions and system notices do not count
 * as unread. A message older than the latest one (late delivery) does not replace the preview.
 */
export function inboundActivity(type: string, content: Record<string, unknown>, at: Date) {
  const counts = type !== "reaction" && type !== "system";
  const newest = sql`${at.toISOString()}::timestamptz >= coalesce(${conversations.lastMessageAt}, '-infinity'::timestamptz)`;
  return {
    unreadCount: counts ? sql`${conversations.unreadCount} + 1` : sql`${conversations.unreadCount}`,
    lastMessagePreview: sql`case when ${newest} then ${messagePreview(type, content)} else ${conversations.lastMessagePreview} end`,
    lastMessageDirection: sql`case when ${newest} then 'inbound' else ${conversations.lastMessageDirection} end`,
  };
}
