import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { channels, memberships, organizations, type Channel, type Organization } from "@/db/schema";
import { ensureSandboxSecrets } from "./sandbox-secrets";

/**
 * For the phone page (/sandbox/{channelId}, outside the /{orgSlug} URL space): the sandbox channel loaded through
 * the user's own membership — null for a non-member, an unknown id, a deleted channel or a cloud channel, so the
 * page answers not-found alike and learns nothing about other organizations.
 */
export async function getSandboxChannelForUser(
  userId: string,
  channelId: string,
): Promise<{ channel: Channel; org: Pick<Organization, "id" | "slug" | "name"> } | null> {
  if (!z.uuid().safeParse(channelId).success) return null;
  const db = getDb();
  const [row] = await db
    .select({ channel: channels, org: { id: organizations.id, slug: organizations.slug, name: organizations.name } })
    .from(channels)
    .innerJoin(organizations, eq(organizations.id, channels.organizationId))
    .innerJoin(memberships, and(eq(memberships.organizationId, channels.organizationId), eq(memberships.userId, userId)))
    .where(and(eq(channels.id, channelId), eq(channels.provider, "sandbox"), isNull(channels.deletedAt), isNull(organizations.deletedAt)))
    .limit(1);
  if (!row) return null;
  return { channel: await ensureSandboxSecrets(db, row.channel), org: row.org };
}
