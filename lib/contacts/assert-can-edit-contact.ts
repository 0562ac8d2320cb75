import { and, eq, isNull, or } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { conversations } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { forbidden } from "@/lib/errors";

/**
 * The agent rule for contacts: editing one needs contacts.write and, without contacts.manage, a conversation with
 * the contact that the caller may act on (unassigned, or assigned to them) — the inbox's rule (assert-can-act.ts)
 * carried over to the person behind the conversation. 403, not 404: every member can read the contact.
 */
export async function assertCanEditContact(db: Db | Tx, ctx: Pick<OrgContext, "org" | "authorize" | "can" | "userId">, contactId: string): Promise<void> {
  ctx.authorize("contacts.write");
  if (ctx.can("contacts.manage") || ctx.can("conversations.manageAll")) return;
  const mine = ctx.userId ? eq(conversations.assigneeId, ctx.userId) : undefined;
  const [ok] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.organizationId, ctx.org.id), eq(conversations.contactId, contactId), or(isNull(conversations.assigneeId), mine)))
    .limit(1);
  if (!ok) throw forbidden("This contact's conversations are assigned to someone else");
}
