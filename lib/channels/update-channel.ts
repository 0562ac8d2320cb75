import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, type Channel } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { UpdateChannelInput } from "./channel-input";
import { forgetWebhookChannel } from "@/lib/whatsapp/webhook-channel";
import { assertPhoneNumberIdFree } from "./assert-phone-number-id-free";
import { getChannelOrThrow } from "./get-channel-or-throw";

export async function updateChannel(ctx: OrgContext, channelId: string, input: UpdateChannelInput): Promise<Channel> {
  const current = await getChannelOrThrow(ctx.org.id, channelId);
  const updated = await getDb().transaction(async (tx) => {
    if (input.phoneNumberId && input.phoneNumberId !== current.phoneNumberId) {
      await assertPhoneNumberIdFree(tx, input.phoneNumberId, current.id);
    }
    const [channel] = await tx
      .update(channels)
      .set({
        name: input.name,
        displayPhoneNumber: input.displayPhoneNumber,
        phoneNumberId: input.phoneNumberId,
        wabaId: input.wabaId,
        verifyToken: input.verifyToken,
        status: input.status,
        accessTokenEncrypted: input.accessToken ? encryptSecret(input.accessToken) : undefined,
        appSecretEncrypted: input.appSecret ? encryptSecret(input.appSecret) : undefined,
      })
      .where(and(eq(channels.organizationId, ctx.org.id), eq(channels.id, current.id)))
      .returning();
    const changed = Object.keys(input).filter((k) => input[k as keyof UpdateChannelInput] !== undefined);
    await recordAudit(tx, ctx, { action: "channel.updated", targetType: "channel", targetId: channel.id, metadata: { changed } });
    return channel;
  });
  // The webhook route caches the channel's secret and status (lib/whatsapp/webhook-channel.ts).
  forgetWebhookChannel(updated.id);
  return updated;
}
