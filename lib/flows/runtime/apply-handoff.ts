import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { conversationEvents, conversations, departments, memberships } from "@/db/schema";
import type { Effect } from "../engine/engine-types";
import { assignToDepartment } from "@/lib/inbox/assign-to-department";
import { publishConversationChanged } from "@/lib/realtime/publish-conversation-changed";
import { publishTimelineEvent } from "@/lib/realtime/publish-timeline-event";
import { flowStepKey, type FlowPlan } from "./flow-plan";

type Handoff = Extract<Effect, { type: "handoff" }>;

/**
 * The bot lets go: the conversation becomes a person's (owner "human", so the runtime never answers it again),
 * with the department / agent the node names when they belong to the organization, and a `handoff` event on the
 * timeline for the agent. The transcript is the conversation's own messages (the bot's were sent as sender "bot").
 * Keyed by `flow:<session>:<seq>` in the event's data, so a retried step adds no second event.
 */
export async function applyHandoff(plan: Pick<FlowPlan, "organizationId" | "conversationId" | "sessionId">, effect: Handoff, extra: { flowId?: string } = {}): Promise<{ departmentId: string | null; assigneeId: string | null }> {
  const key = flowStepKey(plan.sessionId, effect.seq);
  const done = await getDb().transaction(async (tx) => {
    const [department] = isUuid(effect.departmentId)
      ? await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.organizationId, plan.organizationId), eq(departments.id, effect.departmentId!), isNull(departments.deletedAt)))
      : [];
    const [member] = isUuid(effect.assigneeId)
      ? await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.organizationId, plan.organizationId), eq(memberships.userId, effect.assigneeId!)))
      : [];
    const departmentId = department?.id ?? null;
    const assigneeId = member?.userId ?? null;
    await tx
      .update(conversations)
      // A department alone is left to assignToDepartment below, which applies the inbox's auto-assign rule to it.
      .set({ owner: "human", status: "open", ...(departmentId && assigneeId ? { departmentId } : {}), ...(assigneeId ? { assigneeId } : {}), updatedAt: new Date() })
      .where(and(eq(conversations.organizationId, plan.organizationId), eq(conversations.id, plan.conversationId)));
    const [existing] = await tx
      .select({ id: conversationEvents.id })
      .from(conversationEvents)
      .where(and(eq(conversationEvents.organizationId, plan.organizationId), eq(conversationEvents.conversationId, plan.conversationId), sql`${conversationEvents.data}->>'key' = ${key}`));
    let eventId = existing?.id ?? null;
    if (!existing) {
      const [event] = await tx
        .insert(conversationEvents)
        .values({
          organizationId: plan.organizationId,
          conversationId: plan.conversationId,
          kind: "handoff",
          body: effect.note || null,
          data: { key, sessionId: plan.sessionId, flowId: extra.flowId ?? null, departmentId, assigneeId, note: effect.note },
        })
        .returning({ id: conversationEvents.id });
      eventId = event.id;
    }
    return { departmentId, assigneeId, eventId, fresh: !existing };
  });
  let assigneeId: string | null = done.assigneeId;
  // The handoff is pushed first, then what follows from it (the auto-assignment's own event): clients see them in
  // that order (their `seq`s too), always.
  if (done.eventId) await publishTimelineEvent(plan.organizationId, done.eventId);
  // A department without a named agent: the inbox's rule picks one (auto-assign when the department does so).
  if (done.fresh && done.departmentId && !assigneeId) {
    assigneeId = (await assignToDepartment({ organizationId: plan.organizationId, conversationId: plan.conversationId, departmentId: done.departmentId, note: effect.note || null })).assigneeId;
  }
  await publishConversationChanged(plan.organizationId, plan.conversationId);
  return { departmentId: done.departmentId, assigneeId };
}

/** Node settings are free text: only a UUID can name a department or an agent (anything else would be a SQL error). */
const isUuid = (v: string | null): v is string => !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
