import { createHash, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const KEY_FILE = "secret.key";
const g = globalThis as unknown as { __papoMasterKey?: Buffer };

/**
 * The root secret every other key is derived from. PAPO_SECRET wins; in embedded mode a random one is generated
 * once into the data directory; a production server on a real Postgres refuses to start without one, because a
 * key that silently changes makes every stored token unreadable.
 */
export function masterKey(): Buffer {
  if (g.__papoMasterKey) return g.__papoMasterKey;
  const e = env();
  let secret: string;
  if (e.PAPO_SECRET) {
    secret = e.PAPO_SECRET;
  } else if (e.NODE_ENV === "production" && !e.embedded) {
    throw new Error(
      "PAPO_SECRET is not set. In production with DATABASE_URL, set PAPO_SECRET to a random string of at least " +
        "32 characters (for example: openssl rand -base64 32) and keep it: it encrypts channel tokens.",
    );
  } else {
    secret = readOrCreateKeyFile(path.join(e.dataDir, KEY_FILE));
  }
  g.__papoMasterKey = createHash("sha256").update(secret, "utf8").digest();
  return g.__papoMasterKey;
}

/** A purpose-bound key, so the encryption key and the session-signing key are never the same bytes. */
export function derivedKey(purpose: string, length = 32): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey(), Buffer.alloc(0), `papo:${purpose}`, length));
}

function readOrCreateKeyFile(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64");
  try {
    // wx: if two starts race, the second reads what the first wrote instead of overwriting it.
    fs.writeFileSync(file, secret + "\n", { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return fs.readFileSync(file, "utf8").trim();
  }
}

export function resetMasterKeyForTests() {
  g.__papoMasterKey = undefined;
}
