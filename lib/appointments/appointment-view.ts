import type { Appointment } from "@/db/schema";

export type AppointmentView = ReturnType<typeof toAppointmentView>;

/** An appointment as the API and the page show it; the contact's name and number ride along for the list. */
export function toAppointmentView(a: Appointment, contact?: { name: string | null; profileName: string | null; phoneE164: string | null } | null) {
  return {
    id: a.id,
    contactId: a.contactId,
    contactName: contact ? (contact.name ?? contact.profileName ?? contact.phoneE164) : null,
    contactPhone: contact?.phoneE164 ?? null,
    channelId: a.channelId,
    startsAt: a.startsAt.toISOString(),
    timeZone: a.timeZone,
    durationMinutes: a.durationMinutes,
    service: a.service,
    staff: a.staff,
    location: a.location,
    notes: a.notes,
    externalId: a.externalId,
    status: a.status,
    version: a.version,
    slots: a.slots,
    sent: a.sent,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
