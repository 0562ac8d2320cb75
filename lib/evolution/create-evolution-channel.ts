import { randomBytes, randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { channels, type Channel } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import type { CreateChannelInput } from "@/lib/channels/channel-input";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { and, eq, isNull } from "drizzle-orm";
import { AppError, conflict } from "@/lib/errors";
import { evolutionClient } from "./evolution-client";
import { EvolutionApiError } from "./evolution-api-error";
import { evolutionNumberId } from "./evolution-number-id";
import { evolutionWebhookUrl } from "./evolution-webhook-url";

type EvolutionInput = Extract<CreateChannelInput, { provider: "evolution" }>;

/**
 * Connects an Evolution API instance as a channel: finds the instance or creates it (adopting one that exists keeps
 * its WhatsApp session), registers its webhook (the five events, with a per-channel secret header), asks for the
 * QR code when it is not linked yet, then stores the channel (API key and secret encrypted) with its state and QR.
 * Gateway calls come first: a refused key (422 on apiKey), an unknown or failing server (422 / 503) write nothing.
 */
export async function createEvolutionChannel(ctx: Pick<OrgContext, "org" | "actor">, input: EvolutionInput, origin = env().publicUrl): Promise<Channel> {
  const baseUrl = input.baseUrl.replace(/\/+$/, "");
  // Before any gateway call: re-pointing the webhook of an instance another channel uses would steal its messages.
  // The partial unique index channels_evolution_instance_key settles races (a generic 409).
  const [taken] = await getDb()
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.evolutionBaseUrl, baseUrl), eq(channels.evolutionInstance, input.instanceName), isNull(channels.deletedAt)))
    .limit(1);
  if (taken) throw conflict("This Evolution instance is already connected as a number", "instanceName");

  const id = randomUUID();
  const secret = randomBytes(24).toString("base64url");
  const client = evolutionClient(baseUrl, input.apiKey);
  const gateway = await withGatewayErrors(async () => {
    const found = await client.findInstance(input.instanceName);
    let qr = found ? null : await client.createInstance(input.instanceName);
    await client.setWebhook(input.instanceName, evolutionWebhookUrl(id, origin), secret);
    if (found?.state === "open") return { state: "open" as const, ownerJid: found.ownerJid, qr: null };
    if (!qr?.base64) qr = await client.connect(input.instanceName);
    return { state: qr ? ("connecting" as const) : ("open" as const), ownerJid: found?.ownerJid ?? null, qr };
  });
  const now = new Date();
  const phone = gateway.ownerJid ? `+${gateway.ownerJid.split("@")[0].replace(/\D/g, "")}` : (input.displayPhoneNumber ?? "");
  return getDb().transaction(async (tx) => {
    const [channel] = await tx
      .insert(channels)
      .values({
        id,
        organizationId: ctx.org.id,
        name: input.name,
        provider: "evolution",
        displayPhoneNumber: phone,
        phoneNumberId: evolutionNumberId(id),
        wabaId: evolutionNumberId(id),
        accessTokenEncrypted: encryptSecret(input.apiKey),
        appSecretEncrypted: encryptSecret(secret),
        evolutionBaseUrl: baseUrl,
        evolutionInstance: input.instanceName,
        connectionState: gateway.state,
        connectionStateAt: now,
        qrCode: gateway.qr?.base64 ?? null,
        qrCodeAt: gateway.qr?.base64 ? now : null,
        allowGroups: input.allowGroups ?? false,
        // Proven by the gateway answering with this key for this instance.
        verifiedAt: now,
        verificationCheckedAt: now,
        verifiedDisplayPhoneNumber: phone || null,
        verifiedName: input.name,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "channel.created",
      targetType: "channel",
      targetId: channel.id,
      metadata: { name: channel.name, provider: "evolution", instance: input.instanceName, state: gateway.state },
    });
    return channel;
  });
}

async function withGatewayErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof EvolutionApiError)) throw err;
    if (err.status === 401 || err.status === 403) throw new AppError("invalid_input", err.message, [{ path: "apiKey", message: err.message }]);
    if (err.status === null || err.retry === "safe") throw new AppError("upstream_unavailable", `${err.message}. Check the server URL and try again.`);
    throw new AppError("invalid_input", err.message, [{ path: "baseUrl", message: err.message }]);
  }
}
