import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, memberships, users } from "@/db/schema";
import { loadOrgContext } from "@/lib/auth/org-context";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { signUp } from "@/lib/users/sign-up";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.drop());

async function ownerCtx(email: string) {
  const { user, organization } = await signUp({ name: "Owner", email, password: "password123", organizationName: "Org " + email });
  return loadOrgContext({ type: "user", userId: user.id }, organization.slug);
}

const tokenOf = (url: string) => url.split("/invite/")[1];

describe("invitations", () => {
  it("sign-up through an invitation joins the organization with the invited role, once", async () => {
    const ctx = await ownerCtx("o1@example.test");
    const { url } = await createInvitation(ctx, { email: "agent1@example.test", role: "agent" }, "http://x");
    const { user, organization } = await signUp({ name: "Agent", email: "agent1@example.test", password: "password123", invitationToken: tokenOf(url) });
    expect(organization.id).toBe(ctx.org.id);
    const [m] = await getDb().select().from(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.organizationId, ctx.org.id)));
    expect(m.role).toBe("agent");
    await expect(acceptInvitation(tokenOf(url), user.id)).rejects.toMatchObject({ code: "conflict" });
    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.organizationId, ctx.org.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["organization.created", "member.invited", "member.joined"]));
  });

  it("only the invited address can accept, and a failed sign-up leaves no user behind", async () => {
    const ctx = await ownerCtx("o2@example.test");
    const { url } = await createInvitation(ctx, { email: "right@example.test", role: "viewer" }, "http://x");
    await expect(
      signUp({ name: "Wrong", email: "wrong@example.test", password: "password123", invitationToken: tokenOf(url) }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await getDb().$count(users, eq(users.email, "wrong@example.test"))).toBe(0);
  });

  it("a new invitation to the same address replaces the pending one", async () => {
    const ctx = await ownerCtx("o3@example.test");
    const first = await createInvitation(ctx, { email: "twice@example.test", role: "viewer" }, "http://x");
    await createInvitation(ctx, { email: "twice@example.test", role: "agent" }, "http://x");
    await expect(
      signUp({ name: "T", email: "twice@example.test", password: "password123", invitationToken: tokenOf(first.url) }),
    ).rejects.toMatchObject({ code: "conflict", message: "This invitation is revoked" });
  });

  it("inviting an existing member is a conflict", async () => {
    const ctx = await ownerCtx("o4@example.test");
    await expect(createInvitation(ctx, { email: "o4@example.test", role: "agent" }, "http://x")).rejects.toMatchObject({ code: "conflict" });
  });

  it("an email can sign up only once", async () => {
    await ownerCtx("dup@example.test");
    await expect(ownerCtx("DUP@example.test")).rejects.toMatchObject({ code: "conflict" });
  });
});
