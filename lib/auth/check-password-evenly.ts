import { hashPassword, verifyPassword } from "./password";

let dummy: Promise<string> | undefined;

/**
 * bcrypt-compares even when there is no account, against a hash made once at the same cost, so a known and an
 * unknown e-mail take the same time to answer (no account enumeration by timing).
 */
export async function checkPasswordEvenly(password: string, hash: string | undefined): Promise<boolean> {
  if (hash) return verifyPassword(password, hash);
  dummy ??= hashPassword("papo-timing-equaliser");
  await verifyPassword(password, await dummy);
  return false;
}
