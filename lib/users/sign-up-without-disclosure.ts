import { hashPassword } from "@/lib/auth/password";
import { findUserByEmail } from "./find-user-by-email";
import { signUp, type SignUpInput } from "./sign-up";

/**
 * The public sign-up: it answers the same whether the e-mail already has an account or not, and takes as long
 * (the password is hashed either way), so the form cannot be used to find out who has an account. Nothing is
 * changed for an existing account; its owner simply signs in.
 */
export async function signUpWithoutDisclosure(input: SignUpInput): Promise<void> {
  if (await findUserByEmail(input.email)) {
    await hashPassword(input.password);
    return;
  }
  try {
    await signUp(input);
  } catch (err) {
    // Two sign-ups for one new e-mail at once: the loser is an "existing account" too.
    if (await findUserByEmail(input.email)) return;
    throw err;
  }
}
