import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { flowSessions, flows } from "@/db/schema";
import type { Effect } from "../engine/engine-types";
import { advanceLocked } from "./advance-stored-session";
import { createSession } from "./create-session";
import type { FlowPlan } from "./flow-plan";

type Jump = Extract<Effect, { type: "jump" }>;

/**
 * jump_to_flow: the old session has ended (the engine said so); a new one starts on the target flow's published
 * version with the same variables, and walks from its start node. Null when the target is not published (the
 * conversation then simply has no bot).
 */
export async function startJumpSession(plan: FlowPlan, effect: Jump, now = new Date()): Promise<FlowPlan | null> {
  return getDb().transaction(async (tx) => {
    const [from] = await tx.select().from(flowSessions).where(and(eq(flowSessions.organizationId, plan.organizationId), eq(flowSessions.id, plan.sessionId)));
    const [target] = await tx
      .select({ id: flows.id, versionId: flows.publishedVersionId })
      .from(flows)
      .where(and(eq(flows.organizationId, plan.organizationId), eq(flows.id, effect.flowId), eq(flows.status, "active"), isNull(flows.deletedAt)));
    if (!from || !target?.versionId) return null;
    const session = await createSession(tx, {
      organizationId: from.organizationId,
      flowId: target.id,
      flowVersionId: target.versionId,
      channelId: from.channelId,
      conversationId: from.conversationId,
      contactId: from.contactId,
      isTest: from.isTest,
      variables: effect.variables,
      now,
    });
    return advanceLocked(tx, session, { type: "start" }, `jump:${from.id}:${effect.seq}`, now);
  });
}
