import { PASSWORD_HASH_COST, verifyPassword } from "./password";

/**
 * The hash of a random string nobody knows, at the same cost as real ones. A constant (not made at start-up) so the
 * first refusal of each process costs the same as the others.
 */
export const DUMMY_PASSWORD_HASH = "$2b$11$0JPiWgiwvIiznDffTHij0uNdXd6FwlaW30iz1YxbwSpPnCOC9w6hC";
if (!DUMMY_PASSWORD_HASH.startsWith(`$2b$${PASSWORD_HASH_COST}$`)) throw new Error("DUMMY_PASSWORD_HASH must use PASSWORD_HASH_COST");

/**
 * bcrypt-compares even when there is no account, so a known and an unknown e-mail take the same time to answer
 * (no account enumeration by timing).
 */
export async function checkPasswordEvenly(password: string, hash: string | undefined): Promise<boolean> {
  if (hash) return verifyPassword(password, hash);
  await verifyPassword(password, DUMMY_PASSWORD_HASH);
  return false;
}
