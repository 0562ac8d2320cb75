import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { derivedKey } from "@/lib/crypto/master-key";
import { env } from "@/lib/env";
import { findUserByEmail } from "@/lib/users/find-user-by-email";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase(), password: z.string().min(1) });

let cached: NextAuthOptions | undefined;

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
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await findUserByEmail(parsed.data.email);
          if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
  return cached;
}
