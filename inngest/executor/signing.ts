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

// Every checkpoint is authenticated with it: hashed once per key (profiled at ~1 % of the executor's CPU when
// recomputed per request). A process knows one or two keys (the embedded one, a test's).
const hashed = new Map<string, string>();

/** What the SDK sends as `Authorization: Bearer …` when it registers: prefix + sha256(hex-decoded key). */
export function hashedSigningKey(signingKey: string): string {
  let h = hashed.get(signingKey);
  if (h === undefined) {
    const prefix = signingKey.match(PREFIX)?.[0] ?? "";
    h = prefix + createHash("sha256").update(Buffer.from(signingKey.replace(PREFIX, ""), "hex")).digest("hex");
    if (hashed.size >= 8) hashed.clear();
    hashed.set(signingKey, h);
  }
  return h;
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
