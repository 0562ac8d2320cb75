import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { notFound } from "@/lib/errors";
import { assertCanGrantRole } from "@/lib/members/assert-can-grant-role";

/**
 * Revoking follows the rule creating does (create-api-key.ts): a caller may only revoke a key of a role they could
 * grant, so an admin cannot remove an owner-role key an owner relies on.
 */
export async function revokeApiKey(ctx: OrgContext, apiKeyId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [key] = await tx
      .select({ id: apiKeys.id, role: apiKeys.role })
      .from(apiKeys)
      .where(and(eq(apiKeys.organizationId, ctx.org.id), eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt)))
      .for("update");
    if (!key) throw notFound("API key");
    assertCanGrantRole(ctx, key.role);
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.organizationId, ctx.org.id), eq(apiKeys.id, key.id), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw notFound("API key");
    await recordAudit(tx, ctx, { action: "api_key.revoked", targetType: "api_key", targetId: row.id, metadata: { name: row.name, prefix: row.prefix } });
  });
}
