import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { flowSessions, flows, type FlowSession } from "@/db/schema";
import { advanceSession } from "../engine/advance-session";
import type { EngineContext, EngineInput } from "../engine/engine-types";
import { migrateSessionState } from "../engine/session-state";
import type { FlowPlan } from "./flow-plan";
import { flowSettingsOf } from "./flow-settings-of";
import { loadEngineContext } from "./load-engine-context";
import { loadVersionGraph } from "./load-version-graph";
import { saveAdvance } from "./save-advance";
import { insertSession, isUnsaved } from "./create-session";

/**
 * One engine turn on a stored session, in one transaction with the session row locked: load → advance → save.
 * `inputKey` names the input (a message id, an effect's seq): if the stored state says this input was already
 * applied (the step ran, committed, and its result was lost in a crash), the stored plan is returned again.
 * Null when the session is no longer live or the engine ignored the input.
 */
export async function advanceStoredSession(organizationId: string, sessionId: string, input: EngineInput, inputKey: string, now = new Date()): Promise<FlowPlan | null> {
  return getDb().transaction(async (tx) => {
    const session = await lockSession(tx, organizationId, sessionId);
    if (!session) return null;
    return advanceLocked(tx, session, input, inputKey, now);
  });
}

export async function lockSession(tx: Tx, organizationId: string, sessionId: string): Promise<FlowSession | undefined> {
  const [session] = await tx
    .select()
    .from(flowSessions)
    .where(and(eq(flowSessions.organizationId, organizationId), eq(flowSessions.id, sessionId)))
    .for("update");
  return session;
}

export async function advanceLocked(
  tx: Tx,
  session: FlowSession,
  input: EngineInput,
  inputKey: string,
  now: Date,
  /** What the caller already read: the flow's settings and the engine context (each saves a read), and claimIfLive (see saveAdvance). */
  known: { flowSettings?: unknown; claimIfLive?: boolean; context?: EngineContext } = {},
): Promise<FlowPlan | null> {
  const lastStep = (session.state as { lastStep?: { inputKey: string; plan: FlowPlan } }).lastStep;
  if (lastStep?.inputKey === inputKey) return lastStep.plan;
  if (session.status !== "active" && session.status !== "waiting") return null;
  const [{ graph }, ctx, settings] = await Promise.all([
    loadVersionGraph(session.organizationId, session.flowVersionId, tx),
    known.context ?? loadEngineContext(session.organizationId, session.contactId, session.channelId, now, tx),
    "flowSettings" in known
      ? known.flowSettings
      : tx
          .select({ settings: flows.settings })
          .from(flows)
          .where(and(eq(flows.organizationId, session.organizationId), eq(flows.id, session.flowId)))
          .then(([flow]) => flow?.settings),
  ]);
  const result = advanceSession(graph, migrateSessionState(session.state), input, ctx);
  if (result.ignored) {
    if (isUnsaved(session)) await insertSession(tx, session);
    return null;
  }
  return saveAdvance(tx, session, result, { inputKey, now, expiryMinutes: flowSettingsOf(settings).expiryMinutes, claimIfLive: known.claimIfLive });
}
