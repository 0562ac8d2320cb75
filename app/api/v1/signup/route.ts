import { readJson, withPublic } from "@/lib/api/route";
import { signUpInput } from "@/lib/users/sign-up";
import { signUpWithoutDisclosure } from "@/lib/users/sign-up-without-disclosure";

/** The same answer whether the e-mail is new or already has an account (no account enumeration): sign in next. */
export const POST = withPublic(async ({ req }) => {
  await signUpWithoutDisclosure(await readJson(req, signUpInput));
  return Response.json({ ok: true, message: "If this e-mail address is new, its account is ready. Sign in to continue." }, { status: 202 });
}, { rateLimit: "sign-up" });
