import type { Db, Tx } from "@/db";
import { auditLog } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";

export type AuditEntry = { action: string; targetType: string; targetId?: string | null; metadata?: Record<string, unknown> };

/** Records who did what to which object. Pass the transaction that made the change, so both land or neither does. */
export async function recordAudit(db: Db | Tx, ctx: Pick<OrgContext, "org" | "actor">, entry: AuditEntry) {
  await db.insert(auditLog).values({
    organizationId: ctx.org.id,
    actorUserId: ctx.actor.type === "user" ? ctx.actor.userId : null,
    actorApiKeyId: ctx.actor.type === "apiKey" ? ctx.actor.apiKeyId : null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    metadata: entry.metadata ?? {},
  });
}
