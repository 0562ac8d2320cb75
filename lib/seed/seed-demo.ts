import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db";
import { organizations, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { insertChannel } from "@/lib/channels/create-channel";
import { env } from "@/lib/env";
import { createOrganization } from "@/lib/organizations/create-organization";
import { seedDemoFlow } from "./seed-demo-flow";

export const DEMO_EMAIL = "demo@papo.local";
const CREDENTIALS_FILE = "demo-login.json";

export type DemoLogin = { email: string; password: string; organizationSlug: string; sandboxChannelId?: string };

/**
 * On an empty database: a demo organization, its owner, and a sandbox WhatsApp number. Does nothing when any
 * organization exists, so a second start (or a real install) is never touched.
 */
export async function seedDemo(): Promise<{ created: boolean; login?: DemoLogin }> {
  const db = getDb();
  const [existing] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  if (existing) return { created: false, login: readSavedLogin() };

  const password = randomBytes(9).toString("base64url");
  const passwordHash = await hashPassword(password);
  const { org, channel } = await db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email: DEMO_EMAIL, name: "Demo Owner", passwordHash }).returning();
    const org = await createOrganization(tx, { name: "Demo", ownerUserId: user.id });
    const channel = await insertChannel(tx, { org, actor: { type: "user", userId: user.id } }, {
      provider: "sandbox",
      name: "Sandbox",
      displayPhoneNumber: "+15550000000",
    });
    await seedDemoFlow(tx, { organizationId: org.id, channelId: channel.id, userId: user.id });
    return { org, channel };
  });
  const login = { email: DEMO_EMAIL, password, organizationSlug: org.slug, sandboxChannelId: channel.id };
  saveLogin(login);
  return { created: true, login };
}

/** Kept beside the embedded database (mode 0600) so a newcomer who missed the first start can still sign in. */
function saveLogin(login: DemoLogin) {
  const e = env();
  if (!e.embedded) return;
  fs.mkdirSync(e.dataDir, { recursive: true });
  fs.writeFileSync(path.join(e.dataDir, CREDENTIALS_FILE), JSON.stringify(login, null, 2) + "\n", { mode: 0o600 });
}

function readSavedLogin(): DemoLogin | undefined {
  const e = env();
  if (!e.embedded) return undefined;
  try {
    return JSON.parse(fs.readFileSync(path.join(e.dataDir, CREDENTIALS_FILE), "utf8")) as DemoLogin;
  } catch {
    return undefined;
  }
}
