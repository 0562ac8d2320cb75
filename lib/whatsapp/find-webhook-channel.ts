import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { channels, type Channel } from "@/db/schema";

/** The live channel a per-channel webhook URL names, or null (not a UUID, deleted, unknown). */
export async function findWebhookChannel(db: Db, channelId: string): Promise<Channel | null> {
  if (!z.uuid().safeParse(channelId).success) return null;
  const [channel] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.id, channelId), isNull(channels.deletedAt)));
  return channel ?? null;
}
