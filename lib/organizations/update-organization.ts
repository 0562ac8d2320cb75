import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { organizations, type Organization } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { organizationNameSchema } from "./create-organization";

export const updateOrganizationInput = z.object({ name: organizationNameSchema });

export async function updateOrganization(ctx: OrgContext, input: z.infer<typeof updateOrganizationInput>): Promise<Organization> {
  return getDb().transaction(async (tx) => {
    const [org] = await tx.update(organizations).set({ name: input.name }).where(eq(organizations.id, ctx.org.id)).returning();
    await recordAudit(tx, ctx, {
      action: "organization.updated",
      targetType: "organization",
      targetId: org.id,
      metadata: { from: ctx.org.name, to: org.name },
    });
    return org;
  });
}
