import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { departments, memberships, users, type Conversation } from "@/db/schema";
import { roleCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { ConversationChange } from "./change-conversation";
import { pickAutoAssignee } from "./pick-auto-assignee";

export type AssignmentInput = { assigneeId?: string | null; departmentId?: string | null; note?: string | null };

/**
 * The change an assignment makes, shared by agents (assign/transfer) and the system (bot handoff). Handing to a
 * department without naming an agent clears the agent and, if the department assigns automatically, picks an
 * online member round robin. Returns null when nothing changes and there is no note to record.
 */
export async function resolveAssignment(tx: Tx, organizationId: string, c: Conversation, input: AssignmentInput): Promise<ConversationChange | null> {
  let assigneeId = input.assigneeId === undefined ? c.assigneeId : input.assigneeId;
  const departmentId = input.departmentId === undefined ? c.departmentId : input.departmentId;
  let auto = false;
  let departmentName: string | null = null;
  if (departmentId) {
    const [department] = await tx
      .select()
      .from(departments)
      .where(and(eq(departments.organizationId, organizationId), eq(departments.id, departmentId), isNull(departments.deletedAt)));
    if (!department) throw new AppError("invalid_input", "Unknown department", [{ path: "departmentId", message: "Unknown department" }]);
    departmentName = department.name;
    if (input.departmentId && input.assigneeId === undefined) {
      assigneeId = department.autoAssign ? await pickAutoAssignee(tx, organizationId, department.id) : null;
      auto = department.autoAssign && assigneeId !== null;
    }
  }
  let assigneeName: string | null = null;
  if (assigneeId) {
    const [member] = await tx
      .select({ role: memberships.role, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, assigneeId)));
    if (!member || !roleCan(member.role, "conversations.reply")) {
      throw new AppError("invalid_input", "Conversations can be assigned only to members who can reply", [
        { path: "assigneeId", message: "Not an agent of this organization" },
      ]);
    }
    assigneeName = member.name;
  }
  const note = input.note?.trim() || null;
  if (assigneeId === c.assigneeId && departmentId === c.departmentId && !note) return null;
  const data = { assigneeId, assigneeName, departmentId, departmentName, fromAssigneeId: c.assigneeId, fromDepartmentId: c.departmentId, auto };
  return {
    set: { assigneeId, departmentId },
    event: { kind: note ? "transferred" : "assigned", body: note, data },
    audit: { action: note ? "conversation.transfer" : "conversation.assign", targetType: "conversation", targetId: c.id, metadata: data },
  };
}
