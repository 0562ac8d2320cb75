import type { Conversation } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import type { Permission } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";

/**
 * The agent rule: acting on a conversation needs the permission and, without `conversations.manageAll`, a
 * conversation that is unassigned or assigned to the caller. Someone else's conversation is a 403, not a 404:
 * every member can read it, so pretending it does not exist would be a lie.
 */
export function assertCanAct(ctx: Pick<OrgContext, "authorize" | "can" | "userId">, conversation: Pick<Conversation, "assigneeId">, permission: Permission) {
  ctx.authorize(permission);
  if (!canAct(ctx, conversation, permission)) throw forbidden("This conversation is assigned to someone else");
}

export function canAct(ctx: Pick<OrgContext, "can" | "userId">, conversation: Pick<Conversation, "assigneeId">, permission: Permission): boolean {
  if (!ctx.can(permission)) return false;
  if (ctx.can("conversations.manageAll")) return true;
  return conversation.assigneeId === null || (ctx.userId !== null && conversation.assigneeId === ctx.userId);
}
