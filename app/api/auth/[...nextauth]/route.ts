import NextAuth from "next-auth";
import { checkAuthBody } from "@/lib/api/check-auth-body";
import { rateLimitedResponse } from "@/lib/api/rate-limited-response";
import { authOptions, SIGN_IN_LOCKED } from "@/lib/auth/auth-options";
import { signInLockedResponse } from "@/lib/auth/sign-in-locked-response";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  const refused = await checkAuthBody(req);
  if (refused) return refused;
  // Every credentials attempt counts against the address, right or wrong (the throttle below counts failures).
  if (req.method === "POST" && new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const limited = await rateLimitedResponse("sign-in", req, { url: new URL(`/sign-in?error=${SIGN_IN_LOCKED}`, req.url).toString() });
    if (limited) return limited;
  }
  const locked = await signInLockedResponse(req);
  if (locked) return locked;
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
