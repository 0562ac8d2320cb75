import type { Channel } from "@/db/schema";
import { env } from "@/lib/env";
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
    createdAt: channel.createdAt.toISOString(),
  };
}

/** `origin` from publicOrigin(); the CLI, which has no request, passes env().publicUrl. */
export function webhookUrl(channelId: string, origin: string = env().publicUrl): string {
  return `${origin.replace(/\/+$/, "")}/api/webhooks/whatsapp/${channelId}`;
}
