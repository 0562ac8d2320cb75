import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { appointments, contacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { enqueueInTransaction } from "@/lib/jobs";
import { resolveRecipient } from "@/lib/notifications/resolve-recipient";
import { publishTimelineEvent } from "@/lib/realtime/publish-timeline-event";
import type { AppointmentCreateInput } from "./appointment-input";
import { getAppointment } from "./get-appointment";
import type { AppointmentView } from "./appointment-view";
import { recordAppointmentChange } from "./record-appointment-change";
import { scheduledEvent } from "./scheduled-event";

/**
 * A new appointment: the contact by id, or by phone number (found or created, with its conversation, like the
 * notifications API does); stored, audited and on the timeline, and its confirmation-and-reminders run enqueued in
 * the same transaction (nothing half-written: no row without its run, no run without its row).
 */
export async function createAppointment(organizationId: string, actor: Actor, input: AppointmentCreateInput): Promise<AppointmentView> {
  let phone = input.to;
  let userId: string | undefined;
  let channelId = input.channelId;
  if (input.contactId) {
    const [contact] = await getDb()
      .select({ phoneE164: contacts.phoneE164, userId: contacts.userId, channelId: contacts.channelId })
      .from(contacts)
      .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, input.contactId)));
    if (!contact) throw notFound("Contact");
    if (!contact.phoneE164 && !contact.userId) throw new AppError("invalid_input", "This contact has no WhatsApp number", [{ path: "contactId", message: "no_number" }]);
    phone = contact.phoneE164 ?? undefined;
    userId = contact.phoneE164 ? undefined : (contact.userId ?? undefined);
    channelId ??= contact.channelId;
  }
  const recipient = await resolveRecipient(organizationId, { phone, userId }, channelId);
  const { id, eventId } = await enqueueInTransaction(async (tx) => {
    const [row] = await tx
      .insert(appointments)
      .values({
        organizationId,
        contactId: recipient.contact.id,
        channelId: recipient.channel.id,
        startsAt: new Date(input.startsAt),
        timeZone: input.timeZone,
        durationMinutes: input.durationMinutes ?? 30,
        service: input.service ?? null,
        staff: input.staff ?? null,
        location: input.location ?? null,
        notes: input.notes ?? null,
        externalId: input.externalId ?? null,
        slots: (input.slots ?? []).map((s) => new Date(s).toISOString()),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("conflict", "An appointment with this externalId already exists", [{ path: "externalId", message: "taken" }]);
    const eventId = await recordAppointmentChange(tx, { appointment: row, change: "created", actor, conversationId: recipient.conversation.id });
    return { result: { id: row.id, eventId }, events: [scheduledEvent(row)] };
  });
  if (eventId) await publishTimelineEvent(organizationId, eventId);
  return getAppointment(organizationId, id);
}
