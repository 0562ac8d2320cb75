import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { apiKeys } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { loadOrgContext } from "@/lib/auth/org-context";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { signUp } from "@/lib/users/sign-up";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.drop());

/** An organization with its owner and an admin who joined through an invitation (the real path). */
async function ownerAndAdmin(label: string) {
  const { user, organization } = await signUp({ name: "Owner", email: `${label}-owner@example.test`, password: "password123", organizationName: label });
  const owner = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  const { url } = await createInvitation(owner, { email: `${label}-admin@example.test`, role: "admin" }, "http://x");
  const admin = await signUp({ name: "Admin", email: `${label}-admin@example.test`, password: "password123", organizationName: `${label} admin's own` });
  await acceptInvitation(url.split("/invite/")[1], admin.user.id);
  return { owner, admin: await loadOrgContext({ type: "user", userId: admin.user.id }, organization.slug) };
}

const live = async (id: string) =>
  (await getDb().select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))).length === 1;

describe("API keys: a caller creates and revokes only keys of a role they could grant", () => {
  it("an admin can neither create nor revoke an owner-role key; the owner can do both", async () => {
    const { owner, admin } = await ownerAndAdmin("keys-both-ways");
    await expect(createApiKey(admin, { name: "mine", role: "owner" })).rejects.toMatchObject({ code: "forbidden" });

    const { apiKey: ownerKey } = await createApiKey(owner, { name: "deploy", role: "owner" });
    await expect(revokeApiKey(admin, ownerKey.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await live(ownerKey.id)).toBe(true);

    await revokeApiKey(owner, ownerKey.id);
    expect(await live(ownerKey.id)).toBe(false);
  });

  it("an admin revokes keys up to their own role", async () => {
    const { owner, admin } = await ownerAndAdmin("keys-admin-range");
    const { apiKey: adminKey } = await createApiKey(owner, { name: "ops", role: "admin" });
    const { apiKey: agentKey } = await createApiKey(admin, { name: "bot", role: "agent" });
    await revokeApiKey(admin, adminKey.id);
    await revokeApiKey(admin, agentKey.id);
    expect([await live(adminKey.id), await live(agentKey.id)]).toEqual([false, false]);
    await expect(revokeApiKey(admin, agentKey.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
