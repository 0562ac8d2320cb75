import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { derivedKey } from "@/lib/crypto/master-key";
import { env } from "@/lib/env";
import { findUserByEmail } from "@/lib/users/find-user-by-email";
import { disconnectSockets } from "@/lib/realtime/disconnect-sockets";
import { checkPasswordEvenly } from "./check-password-evenly";
import { clientIp } from "./client-ip";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter, signInThrottleKeys } from "./sign-in-throttle";
import { revokeUserSession, startUserSession } from "./user-sessions";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase(), password: z.string().min(1) });

let cached: NextAuthOptions | undefined;

/** The error next-auth passes to the sign-in page (`?error=`) while the account or address is locked. */
export const SIGN_IN_LOCKED = "TooManyAttempts";

/**
 * Built on first use, not at import: `next build` imports route modules, and the secret must not be read (or a key
 * file created) at build time.
 */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  cached = {
    secret: env().NEXTAUTH_SECRET ?? derivedKey("nextauth").toString("base64"),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          // The route answers 429 before this for a locked key; checked again here for attempts that raced it.
          const keys = signInThrottleKeys(parsed.data.email, clientIp(req?.headers));
          if (await signInRetryAfter(keys)) throw new Error(SIGN_IN_LOCKED);
          const user = await findUserByEmail(parsed.data.email);
          // Same work for a known and an unknown e-mail: no enumeration by timing.
          if (!(await checkPasswordEvenly(parsed.data.password, user?.passwordHash)) || !user) {
            await recordSignInFailure(keys);
            return null;
          }
          await clearSignInFailures(parsed.data.email);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // A sign-in: record the session so it can be ended before the token expires (lib/auth/user-sessions.ts).
        if (user) {
          token.sub = user.id;
          token.sid = await startUserSession(user.id);
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) Object.assign(session.user, { id: token.sub, sid: token.sid });
        return session;
      },
    },
    events: {
      // Signing out ends the session for good (a copied cookie stops working) and closes its sockets.
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        await revokeUserSession(token.sid);
        disconnectSockets({ sessionId: token.sid });
      },
    },
  };
  return cached;
}
