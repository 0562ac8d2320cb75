import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { channels } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secret-box";

/**
 * Start-up data migration (server.ts, after the SQL migrations): SQL cannot encrypt with the secret box, so rows
 * written before verify tokens were encrypted get their plaintext moved into verify_token_encrypted here, and the
 * plaintext column is cleared. Idempotent and safe for several processes at once (each row is updated only while
 * it still holds plaintext). Returns how many rows it encrypted.
 */
export async function encryptLegacyVerifyTokens(): Promise<number> {
  const db = getDb();
  const legacy = await db
    .select({ id: channels.id, verifyToken: channels.verifyToken })
    .from(channels)
    .where(and(isNotNull(channels.verifyToken), isNull(channels.verifyTokenEncrypted)));
  let done = 0;
  for (const row of legacy) {
    const updated = await db
      .update(channels)
      .set({ verifyTokenEncrypted: encryptSecret(row.verifyToken!), verifyToken: null })
      .where(and(eq(channels.id, row.id), isNull(channels.verifyTokenEncrypted)))
      .returning({ id: channels.id });
    done += updated.length;
  }
  return done;
}
