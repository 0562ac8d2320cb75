import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { contactConsentSettings, contacts, conversations, flowSessions, flowVersions, flows, messages, type FlowSession } from "@/db/schema";
import { applyConsentKeyword, queueConsentConfirmation, type ConsentKeywordOutcome } from "@/lib/contacts/apply-consent-keyword";
import { applyAppointmentReply, finishAppointmentReply, type AppointmentReplyOutcome } from "@/lib/appointments/apply-appointment-reply";
import type { FlowPlan } from "./flow-plan";
import { advanceLocked } from "./advance-stored-session";
import { closingPlan } from "./closing-plan";
import { createSession, newSession } from "./create-session";
import { endSession } from "./end-session";
import { flowSettingsOf } from "./flow-settings-of";
import { inboundInput } from "./inbound-input";
import { contextOf, engineContextColumns } from "./load-engine-context";
import type { EngineContext } from "../engine/engine-types";
import { pickFlow, publishedFlowsColumn } from "./pick-flow";
import { TEST_FLOW_ATTRIBUTE } from "./test-contact";

export type InboundMessageEvent = { organizationId: string; channelId: string; conversationId: string; contactId: string; messageId: string };

export type InboundOutcome = { skipped: string } | { plans: FlowPlan[] };

/**
 * A customer's message, as the flow runtime sees it, in one transaction (the caller runs one at a time per
 * conversation): a human-owned conversation or a contact with the bot off gets nothing (and loses its live
 * session); an expired session is closed (its closing message planned); the flow's restart word ends the session
 * and starts the flow again; a live session advances; otherwise a flow is picked by trigger or channel default.
 */
export async function handleInboundMessage(event: InboundMessageEvent, now = new Date()): Promise<InboundOutcome> {
  const outcome = await turn(event, now);
  // An opt-out/opt-in keyword (lib/contacts): answered with the confirmation once the consent change has committed.
  if ("confirmation" in outcome && outcome.confirmation) await queueConsentConfirmation(outcome.confirmation);
  // An appointment button (lib/appointments): the push, the new version's reminders and the answer, after the commit.
  if ("appointment" in outcome) await finishAppointmentReply(outcome.appointment);
  return "plans" in outcome ? { plans: outcome.plans } : { skipped: outcome.skipped };
}

type AppointmentTurn = (InboundOutcome & { appointment: AppointmentReplyOutcome["after"] });

async function turn(event: InboundMessageEvent, now: Date): Promise<InboundOutcome | ConsentKeywordOutcome | AppointmentTurn> {
  return getDb().transaction(async (tx) => {
    // One read for the turn's facts: the conversation (locked) and contact, the consent keywords, the message, the
    // engine context's channel name and globals, and the published flows — no extra statement for any of them.
    const [row] = await tx
      .select({
        conversation: conversations,
        contact: contacts,
        consent: contactConsentSettings,
        message: {
          id: messages.id,
          type: messages.type,
          content: messages.content,
          direction: messages.direction,
          // A new contact: this is the only message it ever sent (on any of its conversations). A trigger fact.
          isFirstMessage: sql<boolean>`not exists (select 1 from messages m join conversations c on c.id = m.conversation_id
            where m.organization_id = ${event.organizationId} and c.contact_id = ${event.contactId} and m.direction = 'inbound'
              and m.id <> ${event.messageId})`,
        },
        ...engineContextColumns(event.organizationId, event.channelId),
        // For a conversation without a live session (pickFlow): the published flows, read with the rest.
        published: publishedFlowsColumn(event.organizationId),
      })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .leftJoin(contactConsentSettings, eq(contactConsentSettings.organizationId, conversations.organizationId))
      .leftJoin(messages, and(eq(messages.organizationId, conversations.organizationId), eq(messages.id, event.messageId)))
      .where(and(eq(conversations.organizationId, event.organizationId), eq(conversations.id, event.conversationId)))
      .for("update", { of: conversations });
    if (!row) return { skipped: "conversation not found" };
    const message = row.message;
    if (!message?.id || message.direction !== "inbound") return { skipped: "message not found" };
    // A reaction is no answer to anything, and should not start a flow either.
    if (message.type === "reaction") return { skipped: "a reaction" };
    const keyword = await applyConsentKeyword(tx, { ...event, contact: row.contact, message, settings: row.consent });
    if (keyword) return keyword;

    const inputKey = `msg:${message.id}`;
    // One read (the live session locked) for two questions. Was this very message applied by an earlier attempt of
    // this step (committed, result lost in a crash), maybe ending that session? Then return the plan it stored
    // instead of applying the message a second time. Else: the conversation's live session, if any.
    const sessions = await tx
      .select()
      .from(flowSessions)
      .where(
        and(
          eq(flowSessions.organizationId, event.organizationId),
          eq(flowSessions.conversationId, event.conversationId),
          or(inArray(flowSessions.status, ["active", "waiting"]), sql`${flowSessions.state}->'lastStep'->>'inputKey' = ${inputKey}`),
        ),
      )
      .for("update");
    const applied = sessions.find((s) => (s.state as { lastStep?: { inputKey?: string } }).lastStep?.inputKey === inputKey);
    if (applied) return { plans: [(applied.state as { lastStep: { plan: FlowPlan } }).lastStep.plan] };
    const live = sessions.find((s) => s.status === "active" || s.status === "waiting");

    // Confirm / Reschedule / Cancel on an appointment message: the appointment answers it, not a flow; Reschedule may
    // hand the conversation to the organization's reschedule flow, started here for the contact.
    const appointment = await applyAppointmentReply(tx, { ...event, contact: row.contact, message, now });
    if (appointment) {
      const bot = row.conversation.owner !== "human" && row.contact.botEnabled && !row.contact.blocked;
      const target = appointment.startFlowId && bot ? await publishedVersionOf(tx, event.organizationId, appointment.startFlowId) : null;
      if (!target) return { skipped: appointment.skipped, appointment: appointment.after };
      if (live) await endSession(tx, live, "completed", "appointment reschedule", now);
      const session = await createSession(tx, { ...event, ...target, now });
      const plan = await advanceLocked(tx, session, { type: "start" }, inputKey, now);
      return { plans: plan ? [plan] : [], appointment: appointment.after };
    }

    if (row.conversation.owner === "human" || !row.contact.botEnabled || row.contact.blocked) {
      if (live) await endSession(tx, live, "completed", "human", now);
      return { skipped: row.conversation.owner === "human" ? "a person owns the conversation" : "the bot is off for this contact" };
    }

    const input = inboundInput(message.type, message.content);
    const context = contextOf(row.contact, row.globals ?? {}, row.channelName, now);
    const plans: FlowPlan[] = [];
    let session: FlowSession | undefined = live;
    // What the session that takes this message knows before advancing (saves advanceLocked a read).
    let known: { flowSettings?: unknown; claimIfLive?: boolean; context?: EngineContext } = { context };

    if (session) {
      const [flow] = await tx.select({ settings: flows.settings }).from(flows).where(and(eq(flows.organizationId, session.organizationId), eq(flows.id, session.flowId)));
      known = { flowSettings: flow?.settings, context };
      const settings = flowSettingsOf(flow?.settings);
      if (session.expiresAt && session.expiresAt <= now) {
        if (await endSession(tx, session, "expired", "expired", now)) {
          const closing = closingPlan(session, settings.closingMessage);
          if (closing) plans.push(closing);
        }
        session = undefined;
      } else if (settings.restartKeyword && input.text.trim().toLowerCase() === settings.restartKeyword.toLowerCase()) {
        await endSession(tx, session, "completed", "restart", now);
        const restarted = await restartTarget(tx, session);
        session = restarted ? await createSession(tx, { ...sessionKeys(session), ...restarted, isTest: session.isTest, now }) : undefined;
        if (session) {
          // The restart word itself starts the new session; it is no answer to the first question.
          const plan = await advanceLocked(tx, session, { type: "start" }, inputKey, now);
          if (plan) plans.push(plan);
          return { plans };
        }
      }
    }

    if (!session) {
      // The test customer of a flow's draft (test panel) keeps talking to that draft, even after a session ended.
      const testFlowId = (row.contact.attributes as Record<string, unknown>)[TEST_FLOW_ATTRIBUTE];
      if (typeof testFlowId === "string") {
        const draft = await draftOf(tx, event.organizationId, testFlowId);
        if (!draft) return plans.length ? { plans } : { skipped: "the tested flow has no draft" };
        session = await createSession(tx, { ...event, flowId: testFlowId, flowVersionId: draft, isTest: true, now });
        const plan = await advanceLocked(tx, session, input, inputKey, now);
        if (plan) plans.push(plan);
        return { plans };
      }
      const picked = await pickFlow(event.organizationId, event.channelId, await triggerFacts(tx, event, message, input.text), tx, row.published ?? []);
      if (!picked) return plans.length ? { plans } : { skipped: "no flow for this message" };
      // Claimed by saveAdvance only if the session outlives this turn: a flow that answers and ends at once leaves the
      // conversation's owner alone instead of setting it to bot and back.
      known = { flowSettings: picked.settings, claimIfLive: true, context };
      session = newSession({
        organizationId: event.organizationId,
        flowId: picked.flowId,
        flowVersionId: picked.flowVersionId,
        channelId: event.channelId,
        conversationId: event.conversationId,
        contactId: event.contactId,
        now,
      });
    }
    const plan = await advanceLocked(tx, session, input, inputKey, now, known);
    if (plan) plans.push(plan);
    return { plans };
  });
}

const sessionKeys = (s: FlowSession) => ({ organizationId: s.organizationId, channelId: s.channelId, conversationId: s.conversationId, contactId: s.contactId });

/** The reschedule flow's published version (none: the flow was deleted or never published, so no flow starts). */
async function publishedVersionOf(tx: Tx, organizationId: string, flowId: string): Promise<{ flowId: string; flowVersionId: string } | null> {
  const [flow] = await tx
    .select({ versionId: flows.publishedVersionId })
    .from(flows)
    .where(and(eq(flows.organizationId, organizationId), eq(flows.id, flowId), isNull(flows.deletedAt)));
  return flow?.versionId ? { flowId, flowVersionId: flow.versionId } : null;
}

/** Restart runs the flow's current published version (a test session: the draft it was on). */
async function restartTarget(tx: Tx, session: FlowSession): Promise<{ flowId: string; flowVersionId: string } | null> {
  if (session.isTest) return { flowId: session.flowId, flowVersionId: session.flowVersionId };
  const [flow] = await tx
    .select({ versionId: flows.publishedVersionId })
    .from(flows)
    .where(and(eq(flows.organizationId, session.organizationId), eq(flows.id, session.flowId)));
  return flow?.versionId ? { flowId: session.flowId, flowVersionId: flow.versionId } : null;
}

async function triggerFacts(tx: Tx, event: InboundMessageEvent, message: { content: Record<string, unknown>; isFirstMessage: boolean }, text: string) {
  const { content } = message;
  // A reply to a campaign: the message quotes (context.id) an outbound message a campaign sent.
  let campaignId: string | null = null;
  const quoted = (content as { context?: { id?: string } }).context?.id;
  if (quoted) {
    const [original] = await tx
      .select({ sender: messages.sender, content: messages.content })
      .from(messages)
      .where(and(eq(messages.organizationId, event.organizationId), eq(messages.channelId, event.channelId), eq(messages.waMessageId, quoted)))
      .orderBy(desc(messages.createdAt))
      .limit(1);
    if (original?.sender === "campaign") campaignId = String((original.content as { campaignId?: unknown }).campaignId ?? "");
  }
  return { text, isFirstMessage: message.isFirstMessage, campaignId };
}

async function draftOf(tx: Tx, organizationId: string, flowId: string): Promise<string | null> {
  const [draft] = await tx
    .select({ id: flowVersions.id })
    .from(flowVersions)
    .innerJoin(flows, eq(flows.id, flowVersions.flowId))
    .where(and(eq(flowVersions.organizationId, organizationId), eq(flowVersions.flowId, flowId), eq(flowVersions.version, 0), isNull(flows.deletedAt)));
  return draft?.id ?? null;
}
