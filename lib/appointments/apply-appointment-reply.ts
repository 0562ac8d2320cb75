import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { appointments, type Appointment } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { JobEvent } from "@/lib/jobs";
import { sendJobEvents } from "@/lib/jobs";
import { log } from "@/lib/log/logger";
import type { OutboundMessageInput } from "@/lib/messages/neutral/neutral-message";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { publishTimelineEvent } from "@/lib/realtime/publish-timeline-event";
import { actionOfText } from "./appointment-template-message";
import { getAppointmentSettings } from "./appointment-settings";
import { changeAppointment } from "./change-appointment";
import { formatAppointmentTime } from "./format-appointment-time";
import { parseReplyPayload, replyPayload, type ParsedReply } from "./reply-payload";
import { replyTexts } from "./reply-texts";
import { scheduledEvent } from "./scheduled-event";

export type AppointmentAnswer = { organizationId: string; conversationId: string; messageId: string; message: OutboundMessageInput };
export type AppointmentReplyOutcome = {
  skipped: string;
  /** The reschedule flow to start for the contact (the caller, the flow turn, starts it). */
  startFlowId: string | null;
  after: { organizationId: string; answer: AppointmentAnswer | null; events: JobEvent[]; timelineEventIds: string[] };
};

const OPEN = ["scheduled", "confirmed", "reschedule_requested"] as const;

/**
 * The customer's answer to an appointment message, before any flow sees it (the flow turn calls this in its
 * transaction, like the consent keywords): a quick-reply payload `appt:<id>:<version>:<action>` (Papo sets them when
 * sending), a reschedule list row `…:slot:<i>`, or — for a template button without Papo's payload — the button's
 * words applied to the contact's next open appointment. Confirm and Cancel change the appointment and answer; Reschedule
 * marks it, then starts the organization's reschedule flow, offers the caller's slots as a list, or says the team
 * will call. Repeating a message changes nothing twice (the answers are keyed by the message id).
 */
export async function applyAppointmentReply(
  tx: Tx,
  args: { organizationId: string; conversationId: string; contactId: string; contact: { blocked: boolean }; message: { id: string; type: string; content: Record<string, unknown> }; now: Date },
): Promise<AppointmentReplyOutcome | null> {
  const reply = await readReply(tx, args);
  if (!reply) return null;
  const [current] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.organizationId, args.organizationId), eq(appointments.id, reply.appointmentId), eq(appointments.contactId, args.contactId)))
    .for("update");
  if (!current) return null;
  const settings = await getAppointmentSettings(args.organizationId, tx);
  const texts = settings.confirmationTemplate.language.startsWith("pt") ? replyTexts.pt : replyTexts.en;
  const locale = settings.confirmationTemplate.language.replace("_", "-");
  const when = (a: Appointment) => formatAppointmentTime(a.startsAt, a.timeZone, locale).when;
  const out: AppointmentReplyOutcome = { skipped: `appointment ${reply.action}`, startFlowId: null, after: { organizationId: args.organizationId, answer: null, events: [], timelineEventIds: [] } };
  const answer = (message: OutboundMessageInput) => {
    if (!args.contact.blocked) out.after.answer = { organizationId: args.organizationId, conversationId: args.conversationId, messageId: args.message.id, message };
  };
  const change = async (set: Parameters<typeof changeAppointment>[2], kind: Parameters<typeof changeAppointment>[3]) => {
    const changed = await changeAppointment(tx, current, set, kind, { actor: null, conversationId: args.conversationId });
    if (changed.eventId) out.after.timelineEventIds.push(changed.eventId);
    out.after.events.push(...changed.events);
    return changed.appointment;
  };

  const open = (OPEN as readonly string[]).includes(current.status) && current.startsAt > args.now;
  if (!open) {
    answer({ type: "text", body: texts.closed });
    return out;
  }
  // A tap on an older version's message (the time changed since): its Confirm must not confirm a time not shown.
  if (reply.version !== null && reply.version !== current.version && reply.action !== "cancel") {
    answer({ type: "text", body: texts.stale });
    // Maybe this very slot pick, re-run after a commit whose result was lost: (re)request the current version's run
    // (its event id makes a second request a no-op, its message keys make a second run send nothing).
    if (reply.action === "slot") out.after.events.push(scheduledEvent(current));
    return out;
  }
  if (reply.action === "confirm") {
    if (current.status !== "confirmed") await change({ status: "confirmed" }, "confirmed");
    answer({ type: "text", body: texts.confirmed(when(current)) });
  } else if (reply.action === "cancel") {
    await change({ status: "cancelled" }, "cancelled");
    answer({ type: "text", body: texts.cancelled(when(current)) });
  } else if (reply.action === "slot") {
    const slot = current.slots[reply.slot];
    if (!slot || new Date(slot) <= args.now) {
      answer({ type: "text", body: texts.stale });
      return out;
    }
    // Chosen by the customer: confirmed already, so the new version's run sends reminders but no confirmation request.
    const moved = await change({ startsAt: new Date(slot), status: "confirmed" }, "rescheduled");
    answer({ type: "text", body: texts.booked(when(moved)) });
  } else {
    const marked = current.status === "reschedule_requested" ? current : await change({ status: "reschedule_requested" }, "reschedule_requested");
    const slots = marked.slots.map((s, i) => ({ s, i })).filter(({ s }) => new Date(s) > args.now);
    if (settings.rescheduleFlowId) out.startFlowId = settings.rescheduleFlowId;
    else if (slots.length) {
      const rowTitle = (iso: string) =>
        new Intl.DateTimeFormat(locale, { timeZone: marked.timeZone, weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }).format(new Date(iso)).slice(0, 24);
      answer({
        type: "list",
        body: texts.pickSlot,
        button: texts.slotsButton,
        sections: [{ rows: slots.map(({ s, i }) => ({ id: replyPayload(marked, `slot:${i}`), title: rowTitle(s) })) }],
      } as OutboundMessageInput);
    } else answer({ type: "text", body: texts.rescheduleRequested });
  }
  return out;
}

/** After the turn's commit: the timeline push, the new version's run, and the answer (keyed by the customer's message). */
export async function finishAppointmentReply(after: AppointmentReplyOutcome["after"]): Promise<void> {
  if (after.events.length) await sendJobEvents(after.events);
  for (const id of after.timelineEventIds) await publishTimelineEvent(after.organizationId, id);
  if (!after.answer) return;
  try {
    await queueOutboundMessage({ organizationId: after.answer.organizationId, conversationId: after.answer.conversationId, message: after.answer.message, sender: "bot", idempotencyKey: `appointment-reply:${after.answer.messageId}` });
  } catch (err) {
    // The change has committed and must not be retried away by a refused answer (window closed, blocked).
    if (err instanceof AppError && err.status < 500) log.warn({ err }, `appointment answer to ${after.answer.messageId} not sent`);
    else throw err;
  }
}

type Reply = { appointmentId: string; version: number | null; action: ParsedReply["action"]; slot: number };

async function readReply(tx: Tx, args: { organizationId: string; contactId: string; message: { type: string; content: Record<string, unknown> }; now: Date }): Promise<Reply | null> {
  const c = args.message.content as { button?: { payload?: string; text?: string }; interactive?: { button_reply?: { id?: string }; list_reply?: { id?: string } } };
  const payload = args.message.type === "button" ? c.button?.payload : args.message.type === "interactive" ? (c.interactive?.button_reply?.id ?? c.interactive?.list_reply?.id) : undefined;
  const parsed = parseReplyPayload(payload);
  if (parsed) return { appointmentId: parsed.appointmentId, version: parsed.version, action: parsed.action, slot: parsed.action === "slot" ? parsed.slot : -1 };
  // A template's quick reply without Papo's payload (Meta then sends the button text): the contact's next open appointment.
  if (args.message.type !== "button") return null;
  const action = actionOfText(c.button?.text ?? "");
  if (!action) return null;
  const [next] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.organizationId, args.organizationId), eq(appointments.contactId, args.contactId), inArray(appointments.status, [...OPEN]), gt(appointments.startsAt, args.now)))
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  return next ? { appointmentId: next.id, version: null, action, slot: -1 } : null;
}
