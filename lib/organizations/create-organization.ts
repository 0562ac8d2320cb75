import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { memberships, organizations, type Organization } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { seedLifecycleStages } from "@/lib/contacts/default-lifecycle-stages";
import { slugify } from "./slugify";

export const organizationNameSchema = z.string().trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters");
export const createOrganizationInput = z.object({ name: organizationNameSchema });

/** Creates an organization with `ownerUserId` as its owner. Call inside the transaction that creates related rows. */
export async function createOrganization(tx: Db | Tx, input: { name: string; ownerUserId: string }): Promise<Organization> {
  const slug = await uniqueSlug(tx, slugify(input.name));
  const [org] = await tx.insert(organizations).values({ name: input.name, slug }).returning();
  await tx.insert(memberships).values({ organizationId: org.id, userId: input.ownerUserId, role: "owner" });
  await seedLifecycleStages(tx, org.id);
  await recordAudit(tx, { org, actor: { type: "user", userId: input.ownerUserId } }, {
    action: "organization.created",
    targetType: "organization",
    targetId: org.id,
    metadata: { name: org.name },
  });
  return org;
}

async function uniqueSlug(tx: Db | Tx, base: string): Promise<string> {
  let candidate = base;
  for (let i = 0; i < 5; i++) {
    const taken = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, candidate)).limit(1);
    if (taken.length === 0) return candidate;
    candidate = `${base}-${randomBytes(3).toString("hex")}`;
  }
  return `${base}-${randomBytes(6).toString("hex")}`;
}
