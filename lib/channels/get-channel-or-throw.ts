import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, type Channel } from "@/db/schema";
import { notFound } from "@/lib/errors";

export async function getChannelOrThrow(organizationId: string, channelId: string): Promise<Channel> {
  const [channel] = await getDb()
    .select()
    .from(channels)
    .where(and(eq(channels.organizationId, organizationId), eq(channels.id, channelId), isNull(channels.deletedAt)))
    .limit(1);
  if (!channel) throw notFound("Channel");
  return channel;
}
