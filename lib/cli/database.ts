import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { memberships, organizations, users, type Organization, type User } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { findUserByEmail } from "@/lib/users/find-user-by-email";
import { CliError } from "./errors";

/**
 * PGlite allows one process per data directory, and a second one loses writes silently. While open, PGlite keeps
 * a postmaster.pid in its directory (removed on a clean close), so its presence means the server — or another CLI
 * run — holds the database. A crashed server leaves it behind; the message says how to recover from that.
 * Call before the first getDb(). A no-op on Postgres.
 */
export function assertEmbeddedDatabaseFree(): void {
  const e = env();
  if (!e.embedded) return;
  const pidFile = path.join(e.dataDir, "pglite", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  throw new CliError(
    `The embedded database in ${e.dataDir} is in use by another process (is \`npm start\` or \`npm run dev\` running?). ` +
      `It allows one process at a time: stop the server, run the command, then start the server again. ` +
      `If no Papo process is running (the server crashed), delete ${pidFile} and retry.`,
    1,
    "database_in_use",
  );
}

export async function findOrganizationBySlug(slug: string): Promise<Organization> {
  const [org] = await getDb()
    .select()
    .from(organizations)
    .where(and(eq(organizations.slug, slug.trim().toLowerCase()), isNull(organizations.deletedAt)))
    .limit(1);
  if (!org) throw notFound(`Organization "${slug}"`);
  return org;
}

export async function findUserByEmailOrThrow(email: string): Promise<User> {
  const user = await findUserByEmail(email);
  if (!user) throw notFound(`User ${email}`);
  return user;
}

/**
 * The person the CLI acts for inside an organization, for audit entries and "created by" columns: the longest-
 * standing owner. Commands run by an operator have no signed-in user, and the audit log needs one.
 */
export async function firstOwnerId(org: Organization): Promise<string> {
  const [owner] = await getDb()
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, org.id), eq(memberships.role, "owner"), isNull(users.deletedAt)))
    .orderBy(asc(memberships.createdAt), asc(memberships.id))
    .limit(1);
  if (!owner) throw new AppError("conflict", `Organization "${org.slug}" has no owner; add one with add-member --role owner`);
  return owner.userId;
}
