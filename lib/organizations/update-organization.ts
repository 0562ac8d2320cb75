import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { organizations, type Organization } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { rebuildSpendRollup } from "@/lib/spend/rebuild-spend-rollup";
import { organizationNameSchema } from "./create-organization";
import { timeZoneSchema } from "./time-zone";

export const updateOrganizationInput = z.object({ name: organizationNameSchema.optional(), timeZone: timeZoneSchema.optional() });

/**
 * Renames the organization and/or changes its time zone. A new zone moves every day boundary, so the spend rollup
 * (keyed by local day) is rebuilt in the same transaction.
 */
export async function updateOrganization(ctx: OrgContext, input: z.infer<typeof updateOrganizationInput>): Promise<Organization> {
  return getDb().transaction(async (tx) => {
    const set = { name: input.name ?? ctx.org.name, timeZone: input.timeZone ?? ctx.org.timeZone };
    const [org] = await tx.update(organizations).set(set).where(eq(organizations.id, ctx.org.id)).returning();
    if (org.timeZone !== ctx.org.timeZone) await rebuildSpendRollup(tx, org.id);
    await recordAudit(tx, ctx, {
      action: "organization.updated",
      targetType: "organization",
      targetId: org.id,
      metadata: { from: ctx.org.name, to: org.name, ...(org.timeZone !== ctx.org.timeZone && { timeZone: { from: ctx.org.timeZone, to: org.timeZone } }) },
    });
    return org;
  });
}
