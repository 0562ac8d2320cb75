import { randomBytes } from "node:crypto";
import { getDb } from "@/db";
import { contacts, conversations, memberships, users, type Role } from "@/db/schema";
import { loadOrgContext, type OrgContext } from "@/lib/auth/org-context";
import { createChannel } from "@/lib/channels/create-channel";
import { signUp } from "@/lib/users/sign-up";

export type InboxOrg = { owner: OrgContext; channelId: string; as: (role: Role) => Promise<OrgContext & { userId: string }> };

/** An organization with a sandbox channel, and a way to add members of any role (each call: a new person). */
export async function createInboxOrg(label: string): Promise<InboxOrg> {
  const email = `${label}-${randomBytes(4).toString("hex")}@example.test`;
  const { user, organization } = await signUp({ name: `${label} owner`, email, password: "password123", organizationName: label });
  const owner = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  const channel = await createChannel(owner, { provider: "sandbox", name: "Sandbox", displayPhoneNumber: "+5511912345678" });
  return {
    owner,
    channelId: channel.id,
    as: async (role) => {
      const [u] = await getDb()
        .insert(users)
        .values({ email: `${role}-${randomBytes(4).toString("hex")}@example.test`, name: `${role} ${randomBytes(2).toString("hex")}`, passwordHash: "x" })
        .returning();
      await getDb().insert(memberships).values({ organizationId: organization.id, userId: u.id, role });
      return (await loadOrgContext({ type: "user", userId: u.id }, organization.slug)) as OrgContext & { userId: string };
    },
  };
}

let phone = 5511900000000;

/** A conversation with its contact, as the inbound side would leave it (overridable). */
export async function createConversation(
  org: InboxOrg,
  values: Partial<typeof conversations.$inferInsert> & { contactName?: string | null; phoneE164?: string } = {},
) {
  const { contactName = null, phoneE164 = `+${++phone}`, ...rest } = values;
  const [contact] = await getDb()
    .insert(contacts)
    .values({ organizationId: org.owner.org.id, channelId: org.channelId, waId: phoneE164.slice(1), phoneE164, profileName: contactName ? `${contactName} (wa)` : null, name: contactName })
    .returning();
  const [c] = await getDb()
    .insert(conversations)
    .values({ organizationId: org.owner.org.id, channelId: org.channelId, contactId: contact.id, ...rest })
    .returning();
  return c;
}
