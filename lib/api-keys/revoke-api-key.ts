import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { notFound } from "@/lib/errors";

export async function revokeApiKey(ctx: OrgContext, apiKeyId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.organizationId, ctx.org.id), eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw notFound("API key");
    await recordAudit(tx, ctx, { action: "api_key.revoked", targetType: "api_key", targetId: row.id, metadata: { name: row.name, prefix: row.prefix } });
  });
}
