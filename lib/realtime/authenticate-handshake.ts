import type { IncomingMessage } from "node:http";
import { getToken } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/auth-options";
import { findUserById } from "@/lib/users/find-user-by-id";

/**
 * The signed-in person behind a socket handshake: the next-auth JWT session cookie, decoded with the same secret
 * as the HTTP side. Both cookie names are tried (the `__Secure-` one is used behind https).
 */
export async function authenticateHandshake(req: Pick<IncomingMessage, "headers">): Promise<{ id: string; name: string } | null> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) cookies.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  if (cookies.size === 0) return null;
  const secret = authOptions().secret;
  for (const secureCookie of [false, true]) {
    const token = await getToken({ req: { cookies, headers: {} } as never, secret, secureCookie }).catch(() => null);
    if (token?.sub) {
      // The JWT outlives deletions: make sure the person still exists.
      const user = await findUserById(token.sub);
      return user ? { id: user.id, name: user.name } : null;
    }
  }
  return null;
}
