import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { forgetWebhookChannel } from "@/lib/whatsapp/webhook-channel";
import { getChannelOrThrow } from "./get-channel-or-throw";

/** Soft delete: conversations and messages keep pointing at the channel they came through. */
export async function deleteChannel(ctx: OrgContext, channelId: string): Promise<void> {
  const channel = await getChannelOrThrow(ctx.org.id, channelId);
  await getDb().transaction(async (tx) => {
    await tx
      .update(channels)
      .set({ deletedAt: new Date(), status: "disabled" })
      .where(and(eq(channels.organizationId, ctx.org.id), eq(channels.id, channel.id)));
    await recordAudit(tx, ctx, { action: "channel.deleted", targetType: "channel", targetId: channel.id, metadata: { name: channel.name } });
  });
  forgetWebhookChannel(channel.id); // the webhook route's cache (lib/whatsapp/webhook-channel.ts)
}
