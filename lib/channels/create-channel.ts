import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { channels, type Channel } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import { newSandboxSecrets } from "@/lib/sandbox/sandbox-secrets";
import type { CreateChannelInput } from "./channel-input";
import { assertPhoneNumberIdFree } from "./assert-phone-number-id-free";

export async function createChannel(ctx: Pick<OrgContext, "org" | "actor">, input: CreateChannelInput): Promise<Channel> {
  const db = getDb();
  const count = await db.$count(channels, and(eq(channels.organizationId, ctx.org.id), isNull(channels.deletedAt)));
  if (count >= ctx.org.limits.channels) throw new AppError("forbidden", "Your plan's channel limit is reached");
  return db.transaction((tx) => insertChannel(tx, ctx, input));
}

/** The insert itself, for callers that create a channel as part of a larger transaction (the demo seed). */
export async function insertChannel(tx: Tx, ctx: Pick<OrgContext, "org" | "actor">, input: CreateChannelInput): Promise<Channel> {
  const phoneNumberId = input.phoneNumberId ?? sandboxNumberId();
  await assertPhoneNumberIdFree(tx, phoneNumberId);
  // Sandbox numbers get Papo-generated credentials: their webhooks are signed and verified exactly like Meta's.
  const secrets =
    input.provider === "cloud"
      ? { accessTokenEncrypted: encryptSecret(input.accessToken), appSecretEncrypted: encryptSecret(input.appSecret) }
      : newSandboxSecrets();
  const [channel] = await tx
    .insert(channels)
    .values({
      organizationId: ctx.org.id,
      name: input.name,
      provider: input.provider,
      displayPhoneNumber: input.displayPhoneNumber,
      phoneNumberId,
      wabaId: input.wabaId ?? "0",
      ...secrets,
      verifyToken: input.verifyToken ?? randomBytes(18).toString("base64url"),
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: "channel.created",
    targetType: "channel",
    targetId: channel.id,
    metadata: { name: channel.name, provider: channel.provider, displayPhoneNumber: channel.displayPhoneNumber },
  });
  return channel;
}

/** Sandbox numbers never talk to Meta (their Graph API is Papo's own, app/api/sandbox/graph); they still need an id unique across the install. */
function sandboxNumberId(): string {
  return `9${BigInt("0x" + randomBytes(7).toString("hex")).toString().padStart(15, "0").slice(0, 15)}`;
}
