import type { OrgContext } from "@/lib/auth/org-context";
import { changeConversation } from "./change-conversation";
import { resolveAssignment, type AssignmentInput } from "./resolve-assignment";

/** Assign to an agent and/or a department; with a note it is a transfer. Agents may hand on only what is theirs. */
export async function assignConversation(ctx: OrgContext, conversationId: string, input: AssignmentInput) {
  const { conversation } = await changeConversation(ctx, conversationId, "conversations.assign", (c, tx) =>
    resolveAssignment(tx, ctx.org.id, c, input),
  );
  return conversation;
}
