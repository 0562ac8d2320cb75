import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { channelRouting, channels, type Channel } from "@/db/schema";

/**
 * The number proactive messages (notifications, campaigns, reminders) of an organization go through: the one its
 * routing rule names when that number is live and active, else null — the caller then uses its own default (e.g.
 * the contact's conversation channel). Lets an official number receive while an Evolution number sends notices.
 */
export async function proactiveChannelFor(organizationId: string): Promise<Channel | null> {
  const [row] = await getDb()
    .select({ channel: channels })
    .from(channelRouting)
    .innerJoin(channels, and(eq(channels.id, channelRouting.proactiveChannelId), eq(channels.organizationId, channelRouting.organizationId)))
    .where(and(eq(channelRouting.organizationId, organizationId), isNull(channels.deletedAt), eq(channels.status, "active")))
    .orderBy(asc(channels.createdAt))
    .limit(1);
  return row?.channel ?? null;
}
