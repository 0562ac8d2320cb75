import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { contacts, organizations } from "@/db/schema";

/**
 * How many more live contacts the plan's `limits.contacts` allows (Infinity when the plan sets none). The import's
 * one place for the check; h12a's contact-limit helper answers the same question for single creates.
 */
export async function remainingContactAllowance(db: Db | Tx, organizationId: string): Promise<number> {
  const [org] = await db.select({ limits: organizations.limits }).from(organizations).where(eq(organizations.id, organizationId));
  const limit = org?.limits?.contacts;
  if (typeof limit !== "number") return Infinity;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), isNull(contacts.deletedAt)));
  return Math.max(0, limit - row.n);
}
