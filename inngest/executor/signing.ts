import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "./canonical-json";

const PREFIX = /^signkey-\w+-/;

/** `X-Inngest-Signature` for a request body, exactly as the SDK verifies it (HMAC-SHA256 of JCS body + t). */
export function signBody(body: unknown, signingKey: string, nowMs = Date.now()): string {
  const t = Math.floor(nowMs / 1000).toString();
  const key = signingKey.replace(PREFIX, "");
  const s = createHmac("sha256", key).update(canonicalJson(body) + t).digest("hex");
  return `t=${t}&s=${s}`;
}

/** What the SDK sends as `Authorization: Bearer …` when it registers: prefix + sha256(hex-decoded key). */
export function hashedSigningKey(signingKey: string): string {
  const prefix = signingKey.match(PREFIX)?.[0] ?? "";
  return prefix + createHash("sha256").update(Buffer.from(signingKey.replace(PREFIX, ""), "hex")).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
