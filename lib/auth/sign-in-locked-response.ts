import { SIGN_IN_LOCKED } from "./auth-options";
import { clientIp } from "./client-ip";
import { signInRetryAfter, signInThrottleKeys } from "./sign-in-throttle";

/**
 * A credentials sign-in while the account or the address is locked: 429 with Retry-After, before any password is
 * checked. The body keeps next-auth's shape (`url` with `?error=`) so its client's `signIn()` reports the error,
 * plus Papo's `{ error: { code, message } }`.
 */
export async function signInLockedResponse(req: Request): Promise<Response | null> {
  if (req.method !== "POST" || !new URL(req.url).pathname.endsWith("/callback/credentials")) return null;
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = form?.get("email");
  if (typeof email !== "string" || !email) return null;
  const retryAfter = await signInRetryAfter(signInThrottleKeys(email, clientIp(req.headers)));
  if (!retryAfter) return null;
  const url = new URL(`/sign-in?error=${SIGN_IN_LOCKED}`, req.url).toString();
  return Response.json(
    {
      url,
      error: { code: "rate_limited", message: `Too many failed sign-in attempts. Try again in ${retryAfter} seconds.` },
    },
    { status: 429, headers: { "Retry-After": String(retryAfter) } },
  );
}
