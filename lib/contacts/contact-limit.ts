import { and, count, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { contacts, organizations } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * The plan's `limits.contacts` (absent: no limit): how many more live contacts the organization may have. Call it
 * inside the transaction that creates them — the create path and the CSV import alike — with how many it adds; it
 * locks the organization row so two concurrent creates cannot both take the last place.
 */
export async function assertContactLimit(tx: Db | Tx, organizationId: string, adding = 1): Promise<{ limit: number | null; used: number }> {
  const [org] = await tx.select({ limits: organizations.limits }).from(organizations).where(eq(organizations.id, organizationId)).for("update");
  const limit = typeof org?.limits?.contacts === "number" ? org.limits.contacts : null;
  if (limit === null) return { limit, used: 0 };
  const [{ n }] = await tx
    .select({ n: count() })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), isNull(contacts.deletedAt)));
  const used = Number(n);
  if (used + adding > limit) {
    throw new AppError(
      "plan_limit_reached",
      `Your plan allows ${limit} contacts and ${used} exist: ${adding === 1 ? "this one does" : `these ${adding} do`} not fit. Delete contacts or upgrade the plan.`,
    );
  }
  return { limit, used };
}
