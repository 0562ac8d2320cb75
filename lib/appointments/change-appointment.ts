import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { appointments, type Appointment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { JobEvent } from "@/lib/jobs";
import { recordAppointmentChange, type AppointmentChange } from "./record-appointment-change";
import { scheduledEvent } from "./scheduled-event";

/** Changes that end the current version's reminders: its run sees another version after its next sleep and stops. */
const NEW_VERSION: ReadonlySet<AppointmentChange> = new Set(["rescheduled", "cancelled", "completed", "no_show"]);

export type ChangedAppointment = { appointment: Appointment; eventId: string | null; events: JobEvent[] };

/**
 * One change of a locked appointment row, in the caller's transaction: the new values, a new version when the time
 * or the outcome changed (a reschedule also enqueues the new version's confirmation and reminders), the audit entry
 * and the timeline event. Every path that changes an appointment (API, page, the customer's buttons) comes here.
 */
export async function changeAppointment(
  tx: Tx,
  current: Appointment,
  set: Partial<Pick<Appointment, "startsAt" | "timeZone" | "durationMinutes" | "service" | "staff" | "location" | "notes" | "slots" | "status">>,
  change: AppointmentChange,
  opts: { actor: Actor | null; conversationId?: string },
): Promise<ChangedAppointment> {
  const bump = NEW_VERSION.has(change);
  const [row] = await tx
    .update(appointments)
    .set({ ...set, ...(bump ? { version: sql`${appointments.version} + 1` } : {}) })
    .where(and(eq(appointments.organizationId, current.organizationId), eq(appointments.id, current.id)))
    .returning();
  const eventId = await recordAppointmentChange(tx, {
    appointment: row,
    change,
    actor: opts.actor,
    conversationId: opts.conversationId,
    from: change === "rescheduled" ? current.startsAt.toISOString() : null,
  });
  return { appointment: row, eventId, events: change === "rescheduled" ? [scheduledEvent(row)] : [] };
}
