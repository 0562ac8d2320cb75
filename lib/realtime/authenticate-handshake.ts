import type { IncomingMessage } from "node:http";
import { getToken } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/auth-options";
import { findSessionUser } from "@/lib/auth/user-sessions";

/**
 * The signed-in person behind a socket handshake: the next-auth JWT session cookie, decoded with the same secret
 * as the HTTP side. Both cookie names are tried (the `__Secure-` one is used behind https).
 */
export async function authenticateHandshake(req: Pick<IncomingMessage, "headers">): Promise<{ id: string; name: string; sessionId: string } | null> {
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
      // The JWT outlives deletions and sign-outs: the person must exist and the session must not be revoked.
      const sessionId = typeof token.sid === "string" ? token.sid : undefined;
      const user = await findSessionUser(token.sub, sessionId);
      return user && sessionId ? { id: user.id, name: user.name, sessionId } : null;
    }
  }
  return null;
}
