import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { getDb } from "@/db";
import { flowSessions, flows } from "@/db/schema";
import { closingPlan } from "./closing-plan";
import { endSession } from "./end-session";
import type { FlowPlan } from "./flow-plan";
import { flowSettingsOf } from "./flow-settings-of";

/**
 * Ends live sessions whose inactivity deadline passed (expires_at, moved forward by every engine turn) and returns
 * the closing messages to send. Each session is re-checked under its row lock, so a customer message handled at
 * the same moment (which pushes expires_at) wins over the sweep.
 */
export async function expireDueSessions(now = new Date(), limit = 200): Promise<FlowPlan[]> {
  const due = await getDb()
    .select({ id: flowSessions.id, organizationId: flowSessions.organizationId })
    .from(flowSessions)
    .where(and(inArray(flowSessions.status, ["active", "waiting"]), lte(flowSessions.expiresAt, now)))
    .orderBy(asc(flowSessions.expiresAt))
    .limit(limit);
  const plans: FlowPlan[] = [];
  for (const { id, organizationId } of due) {
    const plan = await getDb().transaction(async (tx) => {
      const [session] = await tx
        .select()
        .from(flowSessions)
        .where(and(eq(flowSessions.organizationId, organizationId), eq(flowSessions.id, id), inArray(flowSessions.status, ["active", "waiting"]), lte(flowSessions.expiresAt, now)))
        .for("update");
      if (!session || !(await endSession(tx, session, "expired", "expired", now))) return null;
      const [flow] = await tx.select({ settings: flows.settings }).from(flows).where(and(eq(flows.organizationId, organizationId), eq(flows.id, session.flowId)));
      return closingPlan(session, flowSettingsOf(flow?.settings).closingMessage);
    });
    if (plan) plans.push(plan);
  }
  return plans;
}
