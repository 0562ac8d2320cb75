import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { apiKeys, auditLog, users } from "@/db/schema";

export type AuditLogRow = Awaited<ReturnType<typeof listAuditLog>>["entries"][number];

/** Newest first, keyset-paginated on created_at so pages stay stable while new entries arrive. */
export async function listAuditLog(organizationId: string, options: { before?: Date; limit?: number } = {}) {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = await getDb()
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      metadata: auditLog.metadata,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      actorEmail: users.email,
      apiKeyName: apiKeys.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, auditLog.actorApiKeyId))
    .where(and(eq(auditLog.organizationId, organizationId), options.before ? lt(auditLog.createdAt, options.before) : undefined))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  const next = rows.length > limit ? entries[entries.length - 1].createdAt.toISOString() : null;
  return { entries, next };
}
