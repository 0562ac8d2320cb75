import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe token with a readable prefix (e.g. `papo_sk_…`), for API keys and invitation links. */
export function randomToken(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

/** Tokens are high-entropy, so a plain SHA-256 is a safe lookup key (no salt or slow hash needed). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
