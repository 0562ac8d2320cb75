import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { conflict } from "@/lib/errors";
import { emailSchema, passwordSchema, personNameSchema } from "@/lib/users/sign-up";
import { findUserByEmail } from "@/lib/users/find-user-by-email";
import { parseFlags, requireFlags } from "../args";
import { assertEmbeddedDatabaseFree } from "../database";
import { usageErrorFromZod } from "../errors";
import { readSecret, secretSourceHint, secretSpecs } from "../read-secret";
import type { Command } from "../types";

const input = z.object({ email: emailSchema, name: personNameSchema, password: passwordSchema });
const sources = {
  email: "--email",
  name: "--name",
  password: `password (${secretSourceHint(secretSpecs.password)})`,
};

export const createUser: Command = {
  name: "create-user",
  summary: "Create a user who can sign in (password from stdin/env, or generated)",
  usage: `Usage: papo create-user --email <email> --name <name> [--password-stdin] [--json]

Creates a user account. The user belongs to no organization yet: follow with create-org (as its owner) or
add-member.

Options:
  --email <email>     Sign-in email address (required; stored lower-case)
  --name <name>       The person's name (required)
  --password-stdin    Read the password from the first line of stdin (typed without echo on a terminal)
  --json              Print a JSON object instead of text
  --help              Show this help

Environment:
  PAPO_USER_PASSWORD  The password, when --password-stdin is not given

Without either, a random password is generated and printed once. A password is never accepted as a flag
value (--password <value> would be saved in your shell history).

Example:
  printf '%s\\n' "$PASSWORD" | npm run --silent papo -- create-user --email ana@example.com --name "Ana" --password-stdin`,
  async run(args) {
    const values = parseFlags(args, { email: { type: "string" }, name: { type: "string" } }, [secretSpecs.password]);
    requireFlags(values, ["email", "name"]);
    const given = await readSecret(secretSpecs.password, values);
    const generated = given === undefined;
    const password = given ?? randomBytes(12).toString("base64url");
    const parsed = input.safeParse({ email: values.email, name: values.name, password });
    if (!parsed.success) throw usageErrorFromZod(parsed.error, sources);
    const { email, name } = parsed.data;

    assertEmbeddedDatabaseFree();
    if (await findUserByEmail(email)) throw conflict(`A user with email ${email} already exists`, "email");
    const passwordHash = await hashPassword(parsed.data.password);
    const [user] = await getDb().insert(users).values({ email, name, passwordHash }).returning();

    const json: Record<string, unknown> = { id: user.id, email: user.email, name: user.name };
    const lines = [`Created user ${user.email} (id ${user.id}).`];
    if (generated) {
      json.generatedPassword = password;
      lines.push(`Generated password (shown only now): ${password}`);
    }
    return { json, lines };
  },
};
