import { and, asc, eq, isNull, like } from "drizzle-orm";
import { getDb } from "@/db";
import { cannedReplies } from "@/db/schema";

export function cannedReplyJson(r: typeof cannedReplies.$inferSelect) {
  return { id: r.id, shortcut: r.shortcut, body: r.body, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

/** Canned replies by shortcut; `prefix` (what follows the `/` typed in the composer) narrows them. */
export async function listCannedReplies(organizationId: string, prefix?: string) {
  const p = prefix?.replace(/^\//, "").toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`);
  const rows = await getDb()
    .select()
    .from(cannedReplies)
    .where(and(eq(cannedReplies.organizationId, organizationId), isNull(cannedReplies.deletedAt), p ? like(cannedReplies.shortcut, `${p}%`) : undefined))
    .orderBy(asc(cannedReplies.shortcut))
    .limit(200);
  return rows.map(cannedReplyJson);
}
