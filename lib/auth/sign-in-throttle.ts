import { and, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { signInThrottles } from "@/db/schema";

/**
 * Sign-in brute-force protection, per account and per client address, kept in PostgreSQL so every process counts
 * the same attempts. A key gets `free` failures; each failure after that locks it for twice as long as the last
 * (15 s, 30 s, 1 min … capped at 15 min). While a key is locked the password is not even checked, so the right
 * password does not work in the middle of an attack. Failures are forgotten after an hour without one.
 */
export const throttlePolicy = {
  account: { free: 5 },
  // One office behind one NAT shares an address: allow more before locking it.
  ip: { free: 20 },
  baseLockSeconds: 15,
  maxLockSeconds: 15 * 60,
  forgetAfter: "1 hour",
} as const;

export type ThrottleKey = { key: string; free: number };

export function signInThrottleKeys(email: string, ip: string | null | undefined): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `account:${email.trim().toLowerCase()}`, free: throttlePolicy.account.free }];
  if (ip) keys.push({ key: `ip:${ip}`, free: throttlePolicy.ip.free });
  return keys;
}

/** Seconds until the longest lock among the keys ends, or null when none is locked. */
export async function signInRetryAfter(keys: ThrottleKey[]): Promise<number | null> {
  const [row] = await getDb()
    .select({ until: sql<string | null>`max(${signInThrottles.lockedUntil})` })
    .from(signInThrottles)
    .where(and(inArray(signInThrottles.key, keys.map((k) => k.key)), gt(signInThrottles.lockedUntil, sql`now()`)));
  if (!row?.until) return null;
  return Math.max(1, Math.ceil((new Date(row.until).getTime() - Date.now()) / 1000));
}

/** Counts a failed attempt against every key, locking those past their free failures (one statement per key: atomic). */
export async function recordSignInFailure(keys: ThrottleKey[]): Promise<void> {
  const db = getDb();
  for (const { key, free } of keys) {
    const failures = sql`(case when ${signInThrottles.updatedAt} < now() - ${throttlePolicy.forgetAfter}::interval then 1 else ${signInThrottles.failures} + 1 end)`;
    const lockSeconds = sql`least(${throttlePolicy.maxLockSeconds}, ${throttlePolicy.baseLockSeconds} * power(2, greatest(0, ${failures} - ${free})))`;
    await db
      .insert(signInThrottles)
      .values({ key, failures: 1, lockedUntil: free <= 1 ? sql`now() + ${throttlePolicy.baseLockSeconds} * interval '1 second'` : null })
      .onConflictDoUpdate({
        target: signInThrottles.key,
        set: {
          failures,
          lockedUntil: sql`case when ${failures} >= ${free} then now() + ${lockSeconds} * interval '1 second' else null end`,
          updatedAt: sql`now()`,
        },
      });
  }
}

/** A successful sign-in clears the account's count; the address keeps its count (one good account must not reset an attack). */
export async function clearSignInFailures(email: string): Promise<void> {
  await getDb()
    .delete(signInThrottles)
    .where(inArray(signInThrottles.key, [signInThrottleKeys(email, null)[0].key]));
}
