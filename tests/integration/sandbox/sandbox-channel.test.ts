import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels } from "@/db/schema";
import { createChannel } from "@/lib/channels/create-channel";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { loadOrgContext } from "@/lib/auth/org-context";
import { getSandboxChannelForUser } from "@/lib/sandbox/get-sandbox-channel-for-user";
import { ensureSandboxSecrets } from "@/lib/sandbox/sandbox-secrets";
import { graphClientForChannel } from "@/lib/whatsapp/graph/graph-client-for-channel";
import { signUp } from "@/lib/users/sign-up";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.drop());

async function orgWithSandbox(label: string) {
  const { user, organization } = await signUp({ name: label, email: `${label}@example.test`, password: "password123", organizationName: label });
  const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  const channel = await createChannel(ctx, { provider: "sandbox", name: `${label} sandbox`, displayPhoneNumber: "+15550000000" });
  return { user, organization, channel };
}

describe("sandbox channels", () => {
  it("get a generated, encrypted app secret and access token at creation, and talk to Papo's own Graph API", async () => {
    const { channel } = await orgWithSandbox("creator");
    expect(channel.appSecretEncrypted).toMatch(/^v1\./);
    expect(channel.accessTokenEncrypted).toMatch(/^v1\./);
    expect(decryptSecret(channel.appSecretEncrypted!)).toMatch(/^[0-9a-f]{64}$/);
    expect(decryptSecret(channel.accessTokenEncrypted!)).toMatch(/^papo_sandbox_/);
    const client = graphClientForChannel(channel);
    expect(client.config.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/sandbox\/graph$/);
  });

  it("an older sandbox row without secrets gets them on first use, once (concurrent first uses agree)", async () => {
    const { channel } = await orgWithSandbox("legacy");
    const [bare] = await getDb().update(channels).set({ appSecretEncrypted: null, accessTokenEncrypted: null }).where(eq(channels.id, channel.id)).returning();
    const [a, b] = await Promise.all([ensureSandboxSecrets(getDb(), bare), ensureSandboxSecrets(getDb(), bare)]);
    expect(a.appSecretEncrypted).toBeTruthy();
    expect(decryptSecret(a.appSecretEncrypted!)).toBe(decryptSecret(b.appSecretEncrypted!));
    expect(decryptSecret(a.accessTokenEncrypted!)).toBe(decryptSecret(b.accessTokenEncrypted!));
    const again = await ensureSandboxSecrets(getDb(), a);
    expect(again).toBe(a);
  });

  it("the phone page's lookup finds the channel only through the user's own membership", async () => {
    const owner = await orgWithSandbox("member");
    const stranger = await orgWithSandbox("stranger");
    expect((await getSandboxChannelForUser(owner.user.id, owner.channel.id))?.org.slug).toBe(owner.organization.slug);
    expect(await getSandboxChannelForUser(stranger.user.id, owner.channel.id)).toBeNull();
    expect(await getSandboxChannelForUser(owner.user.id, "not-a-uuid")).toBeNull();
    await getDb().update(channels).set({ deletedAt: new Date() }).where(eq(channels.id, owner.channel.id));
    expect(await getSandboxChannelForUser(owner.user.id, owner.channel.id)).toBeNull();
  });
});
