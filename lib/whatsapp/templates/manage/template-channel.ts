import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, type Channel, type Template } from "@/db/schema";
import { conflict } from "@/lib/errors";

/**
 * The channel whose token manages a template: the one it was synced or submitted through, else any live channel of
 * the organization on the same WhatsApp Business Account (templates belong to the WABA, not to one number).
 */
export async function templateChannel(organizationId: string, template: Pick<Template, "channelId" | "wabaId">): Promise<Channel> {
  const rows = await getDb()
    .select()
    .from(channels)
    .where(and(eq(channels.organizationId, organizationId), eq(channels.wabaId, template.wabaId), isNull(channels.deletedAt), isNotNull(channels.accessTokenEncrypted)))
    .orderBy(desc(channels.createdAt));
  const channel = rows.find((c) => c.id === template.channelId) ?? rows[0];
  if (!channel) throw conflict("No number of this WhatsApp Business Account has an access token: add one to manage its templates");
  return channel;
}
