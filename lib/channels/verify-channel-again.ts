import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, type Channel } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import { forgetWebhookChannel } from "@/lib/whatsapp/webhook-channel";
import { assertPhoneNumberIdFree } from "./assert-phone-number-id-free";
import { getChannelOrThrow } from "./get-channel-or-throw";
import { verifyChannelNumber } from "./verify-channel-number";

/**
 * Settings → Channels "Verify again": asks Meta again with the stored token. Success stores the proof (and lets a
 * legacy or lapsed channel receive shared-app webhooks again, unless another channel verified the number first:
 * 409). Meta's refusal is a result, not a glitch: the channel loses its verified state (it stops getting shared-app
 * webhooks), the reason is stored and shown, and the 422 is rethrown. An unreachable Meta (503) changes nothing.
 */
export async function verifyChannelAgain(ctx: OrgContext, channelId: string): Promise<Channel> {
  const current = await getChannelOrThrow(ctx.org.id, channelId);
  if (current.provider === "sandbox") return current; // Papo's own number: verified by construction.
  const where = and(eq(channels.organizationId, ctx.org.id), eq(channels.id, current.id));
  try {
    const accessToken = current.accessTokenEncrypted ? decryptSecret(current.accessTokenEncrypted) : "";
    const verified = await verifyChannelNumber({ phoneNumberId: current.phoneNumberId, wabaId: current.wabaId, accessToken });
    return await getDb().transaction(async (tx) => {
      await assertPhoneNumberIdFree(tx, current.phoneNumberId, current.id);
      const now = new Date();
      const [channel] = await tx
        .update(channels)
        .set({ ...verified, verifiedAt: current.verifiedAt ?? now, verificationCheckedAt: now, verificationError: null })
        .where(where)
        .returning();
      await recordAudit(tx, ctx, { action: "channel.verified", targetType: "channel", targetId: channel.id, metadata: { verifiedName: channel.verifiedName } });
      return channel;
    });
  } catch (err) {
    if (err instanceof AppError && (err.code === "invalid_input" || err.code === "conflict")) {
      await getDb().transaction(async (tx) => {
        await tx.update(channels).set({ verifiedAt: null, verificationError: err.message, verificationCheckedAt: new Date() }).where(where);
        await recordAudit(tx, ctx, { action: "channel.verification_failed", targetType: "channel", targetId: current.id, metadata: { error: err.message } });
      });
    }
    throw err;
  } finally {
    forgetWebhookChannel(current.id);
  }
}
