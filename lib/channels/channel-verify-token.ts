import type { Channel } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";

/**
 * The channel's webhook verify token in clear (the handshake compares it; managers see it to paste into Meta).
 * Stored encrypted; a legacy plaintext value is still read until start-up has encrypted it
 * (encrypt-legacy-verify-tokens.ts), so a process started before that step keeps answering the handshake.
 */
export function channelVerifyToken(channel: Pick<Channel, "verifyTokenEncrypted" | "verifyToken">): string | null {
  if (channel.verifyTokenEncrypted) return decryptSecret(channel.verifyTokenEncrypted);
  return channel.verifyToken ?? null;
}
