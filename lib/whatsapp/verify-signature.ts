import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex>` against HMAC-SHA256(appSecret, rawBody). The HMAC is over the
 * bytes exactly as received: Meta escapes non-ASCII as `\uXXXX`, so hashing a re-serialised object would fail on
 * any accent or emoji. Compared in constant time; a missing or malformed header is simply invalid.
 */
export function verifySignature(rawBody: Uint8Array, header: string | null | undefined, appSecret: string): boolean {
  if (!header || !appSecret) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  const given = Buffer.from(match[1], "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
