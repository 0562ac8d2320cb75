import type { Channel } from "@/db/schema";
import { env } from "@/lib/env";
import { providerCapabilities, type ProviderCapabilities } from "@/lib/messages/providers/provider-capabilities";
import { channelVerifyToken } from "./channel-verify-token";

export type ChannelView = {
  id: string;
  name: string;
  provider: Channel["provider"];
  status: Channel["status"];
  displayPhoneNumber: string;
  phoneNumberId: string;
  wabaId: string;
  hasAccessToken: boolean;
  hasAppSecret: boolean;
  webhookUrl: string;
  /** Only for callers who manage channels: it is what Meta must echo back in the handshake. */
  verifyToken?: string;
  /** Ownership proven with Meta (lib/channels/verify-channel-number.ts): shared-app webhooks route only when set. */
  verification: {
    verified: boolean;
    verifiedAt: string | null;
    displayPhoneNumber: string | null;
    verifiedName: string | null;
    error: string | null;
    checkedAt: string | null;
  };
  /** What this kind of number can do (templates, 24-hour window, pricing, native buttons, official). */
  capabilities: ProviderCapabilities;
  /** Evolution numbers only: the gateway, the instance, the connection and the QR code to scan until linked. */
  evolution: {
    baseUrl: string | null;
    instanceName: string | null;
    allowGroups: boolean;
    /** The random gap between two proactive messages, in seconds (lib/evolution/proactive-pacing.ts). */
    proactiveGap: { minSeconds: number; maxSeconds: number };
    connectionState: "open" | "connecting" | "close" | null;
    connectionStateAt: string | null;
    qrCode: string | null;
  } | null;
  createdAt: string;
};

/** What leaves the server about a channel: never the token or the app secret, not even encrypted. */
export function toChannelView(channel: Channel, options: { includeVerifyToken: boolean; origin: string }): ChannelView {
  return {
    id: channel.id,
    name: channel.name,
    provider: channel.provider,
    status: channel.status,
    displayPhoneNumber: channel.displayPhoneNumber,
    phoneNumberId: channel.phoneNumberId,
    wabaId: channel.wabaId,
    hasAccessToken: Boolean(channel.accessTokenEncrypted),
    hasAppSecret: Boolean(channel.appSecretEncrypted),
    webhookUrl: webhookUrl(channel.id, options.origin),
    verifyToken: options.includeVerifyToken ? (channelVerifyToken(channel) ?? undefined) : undefined,
    verification: {
      verified: channel.verifiedAt !== null,
      verifiedAt: channel.verifiedAt?.toISOString() ?? null,
      displayPhoneNumber: channel.verifiedDisplayPhoneNumber,
      verifiedName: channel.verifiedName,
      error: channel.verificationError,
      checkedAt: channel.verificationCheckedAt?.toISOString() ?? null,
    },
    capabilities: providerCapabilities(channel.provider),
    evolution:
      channel.provider === "evolution"
        ? {
            baseUrl: channel.evolutionBaseUrl,
            instanceName: channel.evolutionInstance,
            allowGroups: channel.allowGroups,
            proactiveGap: { minSeconds: channel.proactiveGapMinSeconds, maxSeconds: channel.proactiveGapMaxSeconds },
            connectionState: channel.connectionState,
            connectionStateAt: channel.connectionStateAt?.toISOString() ?? null,
            // Whoever scans it links their WhatsApp as this number: only for those who manage channels.
            qrCode: options.includeVerifyToken ? channel.qrCode : null,
          }
        : null,
    createdAt: channel.createdAt.toISOString(),
  };
}

/** `origin` from publicOrigin(); the CLI, which has no request, passes env().publicUrl. */
export function webhookUrl(channelId: string, origin: string = env().publicUrl): string {
  return `${origin.replace(/\/+$/, "")}/api/webhooks/whatsapp/${channelId}`;
}
