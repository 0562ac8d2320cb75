import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { appointments, channels, contacts, templates, type Appointment } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log/logger";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { resolveRecipient } from "@/lib/notifications/resolve-recipient";
import { getAppointmentSettings } from "./appointment-settings";
import { appointmentTemplateMessage } from "./appointment-template-message";

export type AppointmentSendKind = "confirmation" | `reminder-${number}`;
export type AppointmentSendResult = { sent: string } | { stopped: string } | { skipped: string };

/** Statuses whose reminders still go (a customer asking to reschedule gets no reminder of the old time). */
const REMINDED = new Set(["scheduled", "confirmed"]);

/** Whether the run of `version` may still send: the row is that version, not cancelled or done, and not started. */
export function isLive(a: Appointment | null, version: number, now: Date): true | string {
  if (!a) return "appointment deleted";
  if (a.version !== version) return `appointment changed (now version ${a.version})`;
  if (a.status === "cancelled" || a.status === "completed" || a.status === "no_show") return `appointment ${a.status}`;
  if (a.startsAt <= now) return "the appointment has started";
  return true;
}

/**
 * One message of an appointment's run, as a durable step: re-reads the appointment (a reschedule or cancellation
 * since the run slept stops it), then queues the organization's template on the one outbound path under
 * `appointment:<id>:v<version>:<kind>` — a retried step finds the message already queued and sends nothing more.
 * A refusal no retry changes (template missing or not approved, contact blocked or opted out) is logged and skipped.
 */
export async function sendAppointmentMessage(organizationId: string, appointmentId: string, version: number, kind: AppointmentSendKind, now: Date): Promise<AppointmentSendResult> {
  const db = getDb();
  const [row] = await db
    .select({ a: appointments, contact: { name: contacts.name, profileName: contacts.profileName, phoneE164: contacts.phoneE164, userId: contacts.userId }, wabaId: channels.wabaId })
    .from(appointments)
    .innerJoin(contacts, eq(contacts.id, appointments.contactId))
    .innerJoin(channels, eq(channels.id, appointments.channelId))
    .where(and(eq(appointments.organizationId, organizationId), eq(appointments.id, appointmentId)));
  const live = isLive(row?.a ?? null, version, now);
  if (live !== true) return { stopped: live };
  const a = row.a;
  if (kind !== "confirmation" && !REMINDED.has(a.status)) return { skipped: `no reminder while ${a.status}` };
  const settings = await getAppointmentSettings(organizationId);
  const ref = kind === "confirmation" ? settings.confirmationTemplate : settings.reminderTemplate;
  const [template] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.organizationId, organizationId), eq(templates.wabaId, row.wabaId), eq(templates.name, ref.name), eq(templates.language, ref.language)))
    .limit(1);
  const key = `appointment:${a.id}:v${version}:${kind}`;
  try {
    if (!template) throw new AppError("invalid_input", `Template ${ref.name} (${ref.language}) is not on this number: submit it in Settings → Templates`);
    const recipient = await resolveRecipient(organizationId, { phone: row.contact.phoneE164 ?? undefined, userId: row.contact.phoneE164 ? undefined : (row.contact.userId ?? undefined) }, a.channelId);
    const { message } = await queueOutboundMessage({
      organizationId,
      conversationId: recipient.conversation.id,
      message: appointmentTemplateMessage(template, a, row.contact.name ?? row.contact.profileName),
      sender: "bot",
      idempotencyKey: key,
    });
    await db
      .update(appointments)
      .set({ sent: sql`${appointments.sent} || ${JSON.stringify({ [`v${version}:${kind}`]: message.id })}::jsonb` })
      .where(and(eq(appointments.organizationId, organizationId), eq(appointments.id, a.id)));
    return { sent: message.id };
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      log.warn({ err }, `appointment ${a.id}: ${kind} not sent`);
      return { skipped: err.message };
    }
    throw err;
  }
}
