import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { conversations, flowNodeStats, flowSessions, type FlowSession } from "@/db/schema";
import type { EngineResult } from "../engine/engine-types";
import type { FlowPlan } from "./flow-plan";
import { claimConversation, insertSession, isUnsaved } from "./create-session";

const LIVE = ["active", "waiting"] as const;

/**
 * Stores the engine's answer in the transaction that loaded the session: the new state (with the plan, keyed by the
 * input, so a step re-run after a crash returns the same plan instead of consuming the input twice), expiry,
 * per-node counters (real sessions only) and, when the session ends, hands the conversation back (owner none)
 * unless a handoff made it human's.
 */
export async function saveAdvance(
  tx: Tx,
  session: FlowSession,
  result: EngineResult,
  args: {
    inputKey: string;
    now: Date;
    expiryMinutes: number;
    /**
     * The session was created unclaimed (createSession `claim: false`) in this transaction: claim the conversation
     * now only if the session lives on — one that ends in its first turn leaves the owner as it was, instead of
     * setting it to bot and back (two statements for nothing).
     */
    claimIfLive?: boolean;
  },
): Promise<FlowPlan> {
  const plan: FlowPlan = {
    sessionId: session.id,
    organizationId: session.organizationId,
    conversationId: session.conversationId,
    contactId: session.contactId,
    flowId: session.flowId,
    isTest: session.isTest,
    messages: result.messages,
    effects: result.effects,
  };
  const { state } = result;
  const ended = state.status === "completed" || state.status === "failed";
  const timer = result.effects.find((e) => e.type === "timer");
  // A session waiting on its own timer must not expire before the timer fires.
  const from = timer && timer.type === "timer" ? args.now.getTime() + timer.seconds * 1000 : args.now.getTime();
  const wasWaiting = session.status === "waiting" && session.waitingSince;
  const saved = {
    status: state.status,
    currentNodeId: state.currentNodeId,
    state: { ...state, lastStep: { inputKey: args.inputKey, plan } },
    stateVersion: state.stateVersion,
    waitingSince: state.status === "waiting" ? (wasWaiting && session.currentNodeId === state.currentNodeId ? session.waitingSince : args.now) : null,
    expiresAt: ended ? null : new Date(from + args.expiryMinutes * 60_000),
    endedAt: ended ? args.now : null,
    updatedAt: args.now,
  };
  // A session this turn created (newSession) is stored once, with its first answer.
  if (isUnsaved(session)) await insertSession(tx, session, saved);
  else await tx.update(flowSessions).set(saved).where(and(eq(flowSessions.organizationId, session.organizationId), eq(flowSessions.id, session.id)));
  if (!session.isTest && result.stats.length > 0) {
    // One statement for every node the turn touched.
    await tx
      .insert(flowNodeStats)
      .values(result.stats.map((s) => ({ organizationId: session.organizationId, flowId: session.flowId, flowVersionId: session.flowVersionId, nodeId: s.nodeId, entered: s.entered, completed: s.completed })))
      .onConflictDoUpdate({
        target: [flowNodeStats.flowVersionId, flowNodeStats.nodeId],
        set: { entered: sql`${flowNodeStats.entered} + excluded.entered`, completed: sql`${flowNodeStats.completed} + excluded.completed`, updatedAt: args.now },
      });
  }
  if (args.claimIfLive) {
    if (!ended) await claimConversation(tx, session.organizationId, session.conversationId);
  } else if (ended && !result.effects.some((e) => e.type === "handoff")) {
    await tx
      .update(conversations)
      .set({ owner: "none" })
      .where(and(eq(conversations.organizationId, session.organizationId), eq(conversations.id, session.conversationId), eq(conversations.owner, "bot")));
  }
  return plan;
}

export { LIVE as LIVE_SESSION_STATUSES };
export const liveStatus = () => inArray(flowSessions.status, [...LIVE]);
