import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, type Channel } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { OrgContext } from "@/lib/auth/org-context";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { UpdateChannelInput } from "./channel-input";
import { forgetWebhookChannel } from "@/lib/whatsapp/webhook-channel";
import { assertPhoneNumberIdFree } from "./assert-phone-number-id-free";
import { getChannelOrThrow } from "./get-channel-or-throw";
import { verifyChannelNumber, type VerifiedNumber } from "./verify-channel-number";

/**
 * A change of what proves the number (access token, phone number id, WABA) is verified with Meta before anything
 * is written: a refused claim leaves the channel exactly as it was (422), a confirmed one stores the new proof.
 */
export async function updateChannel(ctx: OrgContext, channelId: string, input: UpdateChannelInput): Promise<Channel> {
  const current = await getChannelOrThrow(ctx.org.id, channelId);
  assertProactiveGap(current, input);
  const claimChanged =
    (input.accessToken !== undefined) ||
    (input.phoneNumberId !== undefined && input.phoneNumberId !== current.phoneNumberId) ||
    (input.wabaId !== undefined && input.wabaId !== current.wabaId);
  let verified: VerifiedNumber | undefined;
  if (current.provider === "cloud" && claimChanged) {
    const accessToken = input.accessToken ?? (current.accessTokenEncrypted ? decryptSecret(current.accessTokenEncrypted) : "");
    verified = await verifyChannelNumber({ phoneNumberId: input.phoneNumberId ?? current.phoneNumberId, wabaId: input.wabaId ?? current.wabaId, accessToken });
  }
  const updated = await getDb().transaction(async (tx) => {
    if ((input.phoneNumberId && input.phoneNumberId !== current.phoneNumberId) || (verified && !current.verifiedAt)) {
      await assertPhoneNumberIdFree(tx, input.phoneNumberId ?? current.phoneNumberId, current.id);
    }
    const now = new Date();
    const [channel] = await tx
      .update(channels)
      .set({
        name: input.name,
        displayPhoneNumber: input.displayPhoneNumber,
        phoneNumberId: input.phoneNumberId,
        wabaId: input.wabaId,
        status: input.status,
        proactiveGapMinSeconds: input.proactiveGapMinSeconds,
        proactiveGapMaxSeconds: input.proactiveGapMaxSeconds,
        accessTokenEncrypted: input.accessToken ? encryptSecret(input.accessToken) : undefined,
        appSecretEncrypted: input.appSecret ? encryptSecret(input.appSecret) : undefined,
        ...(input.verifyToken && { verifyTokenEncrypted: encryptSecret(input.verifyToken), verifyToken: null }),
        ...(verified && { ...verified, verifiedAt: now, verificationCheckedAt: now, verificationError: null }),
      })
      .where(and(eq(channels.organizationId, ctx.org.id), eq(channels.id, current.id)))
      .returning();
    const changed = Object.keys(input).filter((k) => input[k as keyof UpdateChannelInput] !== undefined);
    await recordAudit(tx, ctx, { action: "channel.updated", targetType: "channel", targetId: channel.id, metadata: { changed, ...(verified && { verified: true }) } });
    return channel;
  });
  // The webhook route caches the channel's secret and status (lib/whatsapp/webhook-channel.ts).
  forgetWebhookChannel(updated.id);
  return updated;
}

/** Only Evolution numbers are paced; the gap's bounds (with the stored one for the bound not given) must be in order. */
function assertProactiveGap(current: Channel, input: UpdateChannelInput) {
  if (input.proactiveGapMinSeconds === undefined && input.proactiveGapMaxSeconds === undefined) return;
  if (current.provider !== "evolution") {
    throw new AppError("invalid_input", "Only an Evolution number paces its proactive messages", [{ path: "proactiveGapMinSeconds", message: "not available on this number" }]);
  }
  const min = input.proactiveGapMinSeconds ?? current.proactiveGapMinSeconds;
  const max = input.proactiveGapMaxSeconds ?? current.proactiveGapMaxSeconds;
  if (min > max) throw new AppError("invalid_input", "The longest gap is shorter than the shortest", [{ path: "proactiveGapMaxSeconds", message: `At least ${min} seconds (the shortest gap)` }]);
}
