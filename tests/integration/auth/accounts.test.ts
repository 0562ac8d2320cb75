import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { signInThrottles, userSessions, users } from "@/db/schema";
import { authOptions, SIGN_IN_LOCKED } from "@/lib/auth/auth-options";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { verifyPassword } from "@/lib/auth/password";
import { recordSignInFailure, signInRetryAfter, signInThrottleKeys, throttlePolicy } from "@/lib/auth/sign-in-throttle";
import { findSessionUser, revokeUserSession, startUserSession } from "@/lib/auth/user-sessions";
import { changePassword } from "@/lib/users/change-password";
import { signUp } from "@/lib/users/sign-up";
import { signUpWithoutDisclosure } from "@/lib/users/sign-up-without-disclosure";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.drop());

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
const authorize: Authorize = (credentials, req) =>
  (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize(credentials, req);
const from = (ip: string) => ({ headers: { [CLIENT_IP_HEADER]: ip } });

async function person(email: string) {
  const { user } = await signUp({ name: "P", email, password: "password123", organizationName: "Org " + email });
  return user;
}

describe("sign-in throttle", () => {
  it("locks an account after its free failures, longer with each failure, and the right password waits too", async () => {
    await person("locked@example.test");
    for (let i = 1; i < throttlePolicy.account.free; i++) {
      expect(await authorize({ email: "locked@example.test", password: "wrong" }, from("10.0.0.1"))).toBeNull();
    }
    expect(await signInRetryAfter(signInThrottleKeys("locked@example.test", "10.0.0.1"))).toBeNull();
    expect(await authorize({ email: "locked@example.test", password: "wrong" }, from("10.0.0.1"))).toBeNull();
    const first = await signInRetryAfter(signInThrottleKeys("locked@example.test", "10.0.0.2"));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(throttlePolicy.baseLockSeconds);
    // The right password, from another address: still refused while the account is locked.
    await expect(authorize({ email: "Locked@Example.test", password: "password123" }, from("10.0.0.2"))).rejects.toThrow(SIGN_IN_LOCKED);

    // Each further failure doubles the lock (recorded directly: the lock refuses attempts before counting them).
    await recordSignInFailure(signInThrottleKeys("locked@example.test", null));
    const second = await signInRetryAfter(signInThrottleKeys("locked@example.test", null));
    expect(second).toBeGreaterThan(throttlePolicy.baseLockSeconds);
    expect(second).toBeLessThanOrEqual(2 * throttlePolicy.baseLockSeconds);
    for (let i = 0; i < 12; i++) await recordSignInFailure(signInThrottleKeys("locked@example.test", null));
    expect(await signInRetryAfter(signInThrottleKeys("locked@example.test", null))).toBe(throttlePolicy.maxLockSeconds);

    // Once the lock has passed, the right password works and clears the account's count.
    await getDb().update(signInThrottles).set({ lockedUntil: sql`now() - interval '1 second'` });
    expect(await authorize({ email: "locked@example.test", password: "password123" }, from("10.0.0.3"))).toMatchObject({ id: expect.any(String) });
    const [row] = await getDb().select().from(signInThrottles).where(eq(signInThrottles.key, "account:locked@example.test"));
    expect(row).toBeUndefined();
  }, 120_000);

  it("locks an address that fails across many accounts, known or not", async () => {
    for (let i = 0; i < throttlePolicy.ip.free; i++) {
      expect(await authorize({ email: `nobody-${i}@example.test`, password: "wrong" }, from("10.9.9.9"))).toBeNull();
    }
    await person("innocent@example.test");
    await expect(authorize({ email: "innocent@example.test", password: "password123" }, from("10.9.9.9"))).rejects.toThrow(SIGN_IN_LOCKED);
    // Another address is not affected.
    expect(await authorize({ email: "innocent@example.test", password: "password123" }, from("10.9.9.10"))).not.toBeNull();
  }, 180_000);

  it("answers a known and an unknown e-mail the same, after the same bcrypt work", async () => {
    await person("timing@example.test");
    const time = async (email: string) => {
      const started = performance.now();
      const result = await authorize({ email, password: "not the password" }, from(`10.1.${email.length}.1`));
      return { result, ms: performance.now() - started };
    };
    await time("warmup-unknown@example.test");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      const k = await time("timing@example.test");
      const u = await time(`nobody-timing-${i}@example.test`);
      expect(k.result).toBeNull();
      expect(u.result).toBeNull();
      known.push(k.ms);
      unknown.push(u.ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`[bench] sign-in refusal: known e-mail ${median(known).toFixed(0)} ms, unknown e-mail ${median(unknown).toFixed(0)} ms (median of 3)`);
  }, 120_000);
});

describe("sessions", () => {
  it("a revoked session no longer resolves to its person; others still do", async () => {
    const user = await person("sessions@example.test");
    const a = await startUserSession(user.id);
    const b = await startUserSession(user.id);
    await revokeUserSession(a);
    expect(await findSessionUser(user.id, a)).toBeUndefined();
    expect((await findSessionUser(user.id, b))?.id).toBe(user.id);
    // No sid (a token from before sessions were recorded), or another person's sid: refused.
    expect(await findSessionUser(user.id, undefined)).toBeUndefined();
    const other = await person("sessions-other@example.test");
    expect(await findSessionUser(other.id, b)).toBeUndefined();
  });

  it("changing the password ends every other session and keeps the one that asked", async () => {
    const user = await person("change@example.test");
    const current = await startUserSession(user.id);
    const other = await startUserSession(user.id);
    await expect(changePassword(user.id, current, { currentPassword: "wrong-one", newPassword: "another password" })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await findSessionUser(user.id, other)).toBeDefined();
    await changePassword(user.id, current, { currentPassword: "password123", newPassword: "another password" });
    expect(await findSessionUser(user.id, other)).toBeUndefined();
    expect(await findSessionUser(user.id, current)).toBeDefined();
    const [row] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword("another password", row.passwordHash)).toBe(true);
    const revoked = await getDb().select().from(userSessions).where(eq(userSessions.userId, user.id));
    expect(revoked.filter((s) => s.revokedAt).map((s) => s.id)).toEqual([other]);
  });
});

describe("sign-up without disclosure", () => {
  it("answers the same for an existing e-mail and changes nothing of that account", async () => {
    const existing = await person("taken@example.test");
    await expect(
      signUpWithoutDisclosure({ name: "Mallory", email: "taken@example.test", password: "mallory-password", organizationName: "Mallory Inc" }),
    ).resolves.toBeUndefined();
    const [row] = await getDb().select().from(users).where(eq(users.email, "taken@example.test"));
    expect(row.id).toBe(existing.id);
    expect(row.name).toBe("P");
    expect(await verifyPassword("password123", row.passwordHash)).toBe(true);

    await expect(
      signUpWithoutDisclosure({ name: "New", email: "fresh@example.test", password: "fresh-password", organizationName: "Fresh" }),
    ).resolves.toBeUndefined();
    const [fresh] = await getDb().select().from(users).where(eq(users.email, "fresh@example.test"));
    expect(fresh.name).toBe("New");
  });
});
