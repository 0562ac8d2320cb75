import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/db";
import { apiKeys, auditLog, channels, memberships, organizations, users } from "@/db/schema";
import { registerPhoneNumber } from "@/tests/support/graph-mock";
import { verifyPassword } from "@/lib/auth/password";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { hashToken } from "@/lib/crypto/tokens";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

/**
 * The real CLI in child processes (node --import tsx lib/cli/main.ts), against a fresh database. On PGlite only
 * one process may hold the directory, so this process closes its handle before every spawn (see `inDb`).
 * Spawns cost about a second each: commands that do not touch the database run in parallel.
 */
const root = fileURLToPath(new URL("../../..", import.meta.url));
const PUBLIC_URL = "https://papo.example.test";

type Run = { code: number | null; stdout: string; stderr: string };

function papo(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, PAPO_PUBLIC_URL: PUBLIC_URL, ...options.env };
  for (const name of ["PAPO_USER_PASSWORD", "PAPO_CHANNEL_ACCESS_TOKEN", "PAPO_CHANNEL_APP_SECRET", "PAPO_CHANNEL_VERIFY_TOKEN"]) {
    if (!options.env?.[name]) delete env[name];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/main.ts", ...args], {
      cwd: root,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? ""); // EOF at once: a command that wrongly waits on stdin fails, not hangs
  });
}

/** Looks at the database from this process, then lets go of it so the next child can open it (PGlite). */
async function inDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  try {
    return await fn(getDb());
  } finally {
    await closeDb();
  }
}

const counts = () =>
  inDb(async (db) => ({
    users: await db.$count(users),
    organizations: await db.$count(organizations),
    memberships: await db.$count(memberships),
    apiKeys: await db.$count(apiKeys),
    channels: await db.$count(channels),
  }));

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await closeDb();
});

afterAll(async () => {
  await testDb?.drop();
});

// Generous: each spawn is ~1–2 s on an idle machine, several times that on a busy CI runner.
describe("papo CLI", { timeout: 120_000 }, () => {
  it("prints help, refuses bad command lines with exit 2, and never echoes a secret given as a flag", async () => {
    const helpFlags: Record<string, string[]> = {
      migrate: ["--json"],
      "create-user": ["--email", "--name", "--password-stdin", "PAPO_USER_PASSWORD"],
      "create-org": ["--name", "--owner"],
      "add-member": ["--org", "--email", "--role", "owner, admin, agent, viewer"],
      "create-api-key": ["--org", "--name", "--role"],
      "create-channel": [
        "--org", "--provider", "--display-number", "--phone-number-id", "--waba-id",
        "--access-token-stdin", "--app-secret-stdin", "--verify-token-stdin",
        "PAPO_CHANNEL_ACCESS_TOKEN", "PAPO_CHANNEL_APP_SECRET", "PAPO_CHANNEL_VERIFY_TOKEN",
      ],
      "seed-demo": ["--json"],
    };
    const plainToken = "EAAplaintokenfromtheshell0123456789";
    const plainPassword = "hunter2-in-history";
    const [main, unknown, tokenFlag, passwordFlag, badEmail, badRole, ...commandHelps] = await Promise.all([
      papo(["--help"]),
      papo(["frobnicate"]),
      papo(["create-channel", "--org", "acme", "--display-number", "+5511912345678", "--phone-number-id", "1234567",
        "--waba-id", "7654321", "--access-token", plainToken]),
      papo(["create-user", "--email", "ana@example.com", "--name", "Ana", `--password=${plainPassword}`]),
      papo(["create-user", "--email", "not-an-email", "--name", "Ana"]),
      papo(["add-member", "--org", "acme", "--email", "ana@example.com", "--role", "boss"]),
      ...Object.keys(helpFlags).map((name) => papo([name, "--help"])),
    ]);

    expect(main.code).toBe(0);
    for (const name of Object.keys(helpFlags)) expect(main.stdout).toContain(name);
    expect(main.stdout).toMatch(/one process/i);
    Object.entries(helpFlags).forEach(([name, flags], i) => {
      const run = commandHelps[i];
      expect(run.code, `${name} --help`).toBe(0);
      expect(run.stdout).toContain(`papo ${name}`);
      for (const flag of flags) expect(run.stdout, `${name} --help mentions ${flag}`).toContain(flag);
    });

    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain("create-channel");

    expect(tokenFlag.code).toBe(2);
    expect(tokenFlag.stderr).toContain("--access-token-stdin");
    expect(tokenFlag.stderr).toContain("PAPO_CHANNEL_ACCESS_TOKEN");
    expect(tokenFlag.stderr).toMatch(/shell history/);
    expect(tokenFlag.stdout + tokenFlag.stderr).not.toContain(plainToken);
    expect(passwordFlag.code).toBe(2);
    expect(passwordFlag.stderr).toContain("--password-stdin");
    expect(passwordFlag.stdout + passwordFlag.stderr).not.toContain(plainPassword);

    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain("--email: Enter a valid email address");
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--role: Use one of: owner, admin, agent, viewer");

    expect(await counts()).toEqual({ users: 0, organizations: 0, memberships: 0, apiKeys: 0, channels: 0 });
  });

  it("migrates, and seeds the demo once", async () => {
    const migrate = await papo(["migrate"]);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain("up to date");

    const first = await papo(["seed-demo", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const seeded = JSON.parse(first.stdout) as { created: boolean; email: string; password: string };
    expect(seeded).toMatchObject({ created: true, email: "demo@papo.local" });

    const second = await papo(["seed-demo"]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("Nothing to do");
    expect(second.stdout).not.toContain(seeded.password);
    // One demo (user, organization, owner membership, sandbox number), not two.
    expect(await counts()).toEqual({ users: 1, organizations: 1, memberships: 1, apiKeys: 0, channels: 1 });
  });

  it("provisions user → organization → member → API key → channel, with secrets from env and stdin", async () => {
    const password = "correct horse battery staple";
    const user = await papo(["create-user", "--email", "Ana@Example.com", "--name", "Ana Owner", "--json"], {
      env: { PAPO_USER_PASSWORD: password },
    });
    expect(user.code, user.stderr).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ email: "ana@example.com", name: "Ana Owner" });
    expect(user.stdout + user.stderr).not.toContain(password);

    const org = await papo(["create-org", "--name", "Acme Imports", "--owner", "ana@example.com", "--json"]);
    expect(org.code, org.stderr).toBe(0);
    const { slug } = JSON.parse(org.stdout) as { slug: string };
    expect(slug).toBe("acme-imports");

    const member = await papo(["add-member", "--org", slug, "--email", "demo@papo.local", "--role", "agent"]);
    expect(member.code, member.stderr).toBe(0);
    expect(member.stdout).toContain("Added demo@papo.local to acme-imports as agent");

    const key = await papo(["create-api-key", "--org", slug, "--name", "CRM sync", "--role", "admin", "--json"]);
    expect(key.code, key.stderr).toBe(0);
    const { token } = JSON.parse(key.stdout) as { token: string };
    expect(token).toMatch(/^papo_sk_/);

    const accessToken = "EAAGm0PX4ZCpsBAKZBaccesstokenfromenv123";
    const appSecret = "0123456789abcdef0123456789abcdef";
    const verifyToken = "my-verify-token";
    // The CLI verifies the number with "Meta" like the API does: the mock (reached over HTTP) knows it.
    await registerPhoneNumber({ phoneNumberId: "106540352242922", wabaId: "102290129340398", accessToken });
    const channel = await papo(
      ["create-channel", "--org", slug, "--name", "Sales", "--display-number", "+55 11 91234-5678",
        "--phone-number-id", "106540352242922", "--waba-id", "102290129340398", "--app-secret-stdin"],
      { stdin: `${appSecret}\nignored second line\n`, env: { PAPO_CHANNEL_ACCESS_TOKEN: accessToken, PAPO_CHANNEL_VERIFY_TOKEN: verifyToken } },
    );
    expect(channel.code, channel.stderr).toBe(0);
    const channelId = /Channel id:\s+([0-9a-f-]{36})/.exec(channel.stdout)?.[1];
    expect(channelId).toBeDefined();
    expect(channel.stdout).toContain(`Webhook URL:  ${PUBLIC_URL}/api/webhooks/whatsapp/${channelId}`);
    for (const secret of [accessToken, appSecret, verifyToken]) expect(channel.stdout + channel.stderr).not.toContain(secret);

    await inDb(async (db) => {
      const [ana] = await db.select().from(users).where(eq(users.email, "ana@example.com"));
      expect(await verifyPassword(password, ana.passwordHash)).toBe(true);

      const [acme] = await db.select().from(organizations).where(eq(organizations.slug, slug));
      const roles = await db
        .select({ email: users.email, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organizationId, acme.id));
      expect(roles).toEqual(expect.arrayContaining([{ email: "ana@example.com", role: "owner" }, { email: "demo@papo.local", role: "agent" }]));
      const [added] = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, acme.id), eq(auditLog.action, "member.added")));
      expect(added.metadata).toMatchObject({ email: "demo@papo.local", role: "agent", via: "cli" });

      const [apiKey] = await db.select().from(apiKeys).where(eq(apiKeys.organizationId, acme.id));
      expect(apiKey).toMatchObject({ keyHash: hashToken(token), role: "admin", createdById: ana.id });

      const [row] = await db.select().from(channels).where(eq(channels.id, channelId!));
      expect(row).toMatchObject({ organizationId: acme.id, provider: "cloud", displayPhoneNumber: "+5511912345678", verifyToken: null });
      expect(row.verifiedAt).toBeInstanceOf(Date);
      expect(decryptSecret(row.verifyTokenEncrypted!)).toBe(verifyToken);
      expect(row.accessTokenEncrypted).not.toContain(accessToken);
      expect(row.appSecretEncrypted).not.toContain(appSecret);
      expect(decryptSecret(row.accessTokenEncrypted!)).toBe(accessToken);
      expect(decryptSecret(row.appSecretEncrypted!)).toBe(appSecret);
    });
  });

  it("reports domain errors with exit 1 and changes nothing", async () => {
    const again = await papo(["add-member", "--org", "acme-imports", "--email", "demo@papo.local", "--role", "viewer"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("demo@papo.local is already a member of acme-imports");

    const unknownOrg = await papo(["create-api-key", "--org", "no-such-org", "--name", "x", "--role", "viewer", "--json"]);
    expect(unknownOrg.code).toBe(1);
    expect(unknownOrg.stderr).toContain('Organization "no-such-org" not found');
    expect(JSON.parse(unknownOrg.stdout)).toEqual({ error: { code: "not_found", message: 'Organization "no-such-org" not found' } });
    // What the demo and the provisioning test left, and nothing more.
    expect(await counts()).toEqual({ users: 2, organizations: 2, memberships: 3, apiKeys: 1, channels: 2 });
  });

  it("refuses to open an embedded database that another process holds", async () => {
    // Its own PGlite directory, whatever driver the rest of the file uses: the check is about embedded mode.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "papo-held-"));
    const held = new PGlite(path.join(dir, "pglite"));
    try {
      await held.query("select 1"); // this process now holds the directory
      const run = await papo(["migrate"], { env: { DATABASE_URL: "", PAPO_DATA_DIR: dir } });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("in use by another process");
      expect(fs.existsSync(path.join(dir, "pglite", "postmaster.pid"))).toBe(true);
    } finally {
      await held.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
