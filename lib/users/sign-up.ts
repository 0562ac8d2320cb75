import { z } from "zod";
import { getDb } from "@/db";
import { users, type Organization, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { conflict } from "@/lib/errors";
import { createOrganization, organizationNameSchema } from "@/lib/organizations/create-organization";
import { acceptInvitationInTx } from "@/lib/invitations/accept-invitation";
import { findUserByEmail } from "./find-user-by-email";

export const emailSchema = z.email("Enter a valid email address").trim().toLowerCase().max(254);
export const passwordSchema = z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters");
export const personNameSchema = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

export const signUpInput = z.union([
  z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema, organizationName: organizationNameSchema }),
  z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema, invitationToken: z.string().min(10) }),
]);
export type SignUpInput = z.infer<typeof signUpInput>;

/**
 * Creates a person and either a new organization they own, or — when they arrive through an invitation — their
 * membership in the inviting organization. One transaction: no user without a home.
 */
export async function signUp(input: SignUpInput): Promise<{ user: User; organization: Organization }> {
  if (await findUserByEmail(input.email)) throw conflict("An account with this email already exists", "email");
  const passwordHash = await hashPassword(input.password);
  return getDb().transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).returning();
    const organization =
      "invitationToken" in input
        ? await acceptInvitationInTx(tx, { token: input.invitationToken, user })
        : await createOrganization(tx, { name: input.organizationName, ownerUserId: user.id });
    return { user, organization };
  });
}
