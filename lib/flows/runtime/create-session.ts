import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { conversations, flowSessions, type FlowSession } from "@/db/schema";
import { initialSessionState } from "../engine/session-state";

/**
 * A new live session (not started: the engine begins at the start node on its first input). The conversation
 * becomes the bot's unless someone already owns it. The partial unique index allows one live session per
 * conversation; the caller runs serialised per conversation, so a conflict here is a bug, not a race to absorb.
 */
export async function createSession(
  tx: Tx,
  args: {
    organizationId: string;
    flowId: string;
    flowVersionId: string;
    channelId: string;
    conversationId: string;
    contactId: string;
    isTest?: boolean;
    variables?: Record<string, unknown>;
    now: Date;
    /** false: the caller claims the conversation itself once it knows the session outlives its first turn (saveAdvance). */
    claim?: boolean;
  },
): Promise<FlowSession> {
  const [session] = await tx
    .insert(flowSessions)
    .values({
      organizationId: args.organizationId,
      flowId: args.flowId,
      flowVersionId: args.flowVersionId,
      channelId: args.channelId,
      conversationId: args.conversationId,
      contactId: args.contactId,
      isTest: args.isTest ?? false,
      status: "active",
      state: initialSessionState(args.variables ?? {}),
      createdAt: args.now,
      updatedAt: args.now,
    })
    .returning();
  if (args.claim !== false) await claimConversation(tx, args.organizationId, args.conversationId);
  return session;
}

/** The conversation becomes the bot's, unless someone already owns it. */
export async function claimConversation(tx: Tx, organizationId: string, conversationId: string): Promise<void> {
  await tx
    .update(conversations)
    .set({ owner: "bot" })
    .where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, conversationId), eq(conversations.owner, "none")));
}

// Sessions built by newSession that no statement has stored yet: saveAdvance inserts them with their first state.
const unsaved = new WeakSet<FlowSession>();
export const isUnsaved = (session: FlowSession) => unsaved.has(session);

/**
 * A new live session like createSession's, not yet stored and unclaimed: its first turn inserts it once with the
 * engine's answer (saveAdvance), instead of an insert of the initial state and an update in the same transaction.
 * The id is made here because the plan names the session before it is stored.
 */
export function newSession(args: {
  organizationId: string;
  flowId: string;
  flowVersionId: string;
  channelId: string;
  conversationId: string;
  contactId: string;
  now: Date;
}): FlowSession {
  const session: FlowSession = {
    ...args,
    id: randomUUID(),
    isTest: false,
    status: "active",
    currentNodeId: null,
    state: initialSessionState({}),
    stateVersion: 1,
    waitingSince: null,
    expiresAt: null,
    endedAt: null,
    createdAt: args.now,
    updatedAt: args.now,
  };
  delete (session as { now?: Date }).now;
  unsaved.add(session);
  return session;
}

/** Stores a newSession, as it is (its first input was ignored: it stays live like any session) or with `values`. */
export async function insertSession(tx: Tx, session: FlowSession, values: Partial<FlowSession> = {}): Promise<void> {
  await tx.insert(flowSessions).values({ ...session, ...values });
  unsaved.delete(session);
}
