import NextAuth from "next-auth";
import { checkAuthBody } from "@/lib/api/check-auth-body";
import { authOptions } from "@/lib/auth/auth-options";
import { signInLockedResponse } from "@/lib/auth/sign-in-locked-response";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  const refused = await checkAuthBody(req);
  if (refused) return refused;
  const locked = await signInLockedResponse(req);
  if (locked) return locked;
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
