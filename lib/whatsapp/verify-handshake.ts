import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Meta's subscription handshake: `hub.mode=subscribe` and `hub.verify_token` equal to ours → the raw
 * `hub.challenge` to echo as plain text; anything else → null (the route answers 403).
 */
export function verifyHandshake(url: URL, expectedToken: string | null | undefined): string | null {
  const mode = url.searchParams.get("hub.mode");
  const token = url.searchParams.get("hub.verify_token");
  const challenge = url.searchParams.get("hub.challenge");
  if (mode !== "subscribe" || !token || !expectedToken || challenge === null) return null;
  // Hash both sides so the comparison is constant-time whatever the lengths.
  const a = createHash("sha256").update(token).digest();
  const b = createHash("sha256").update(expectedToken).digest();
  return timingSafeEqual(a, b) ? challenge : null;
}
