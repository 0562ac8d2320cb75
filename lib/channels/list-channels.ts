import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, type Channel } from "@/db/schema";

export async function listChannels(organizationId: string): Promise<Channel[]> {
  return getDb()
    .select()
    .from(channels)
    .where(and(eq(channels.organizationId, organizationId), isNull(channels.deletedAt)))
    .orderBy(asc(channels.createdAt));
}
