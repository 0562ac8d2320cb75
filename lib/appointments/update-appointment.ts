import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { enqueueInTransaction } from "@/lib/jobs";
import { publishTimelineEvent } from "@/lib/realtime/publish-timeline-event";
import type { AppointmentUpdateInput } from "./appointment-input";
import type { AppointmentView } from "./appointment-view";
import { changeAppointment } from "./change-appointment";
import { getAppointment, getAppointmentOrThrow } from "./get-appointment";
import type { AppointmentChange } from "./record-appointment-change";

/**
 * Edits an appointment. A new start time or time zone is a reschedule: back to `scheduled`, a new version (the old
 * reminders send nothing), a new confirmation request and reminders at the new times. A cancelled appointment is
 * final (create a new one).
 */
export async function updateAppointment(organizationId: string, id: string, actor: Actor, input: AppointmentUpdateInput): Promise<AppointmentView> {
  const eventId = await enqueueInTransaction(async (tx) => {
    const current = await getAppointmentOrThrow(organizationId, id, tx, { lock: true });
    if (current.status === "cancelled") throw new AppError("conflict", "This appointment was cancelled and can no longer change", [{ path: "status", message: "cancelled" }]);
    const { status, startsAt, ...rest } = input;
    const set: Parameters<typeof changeAppointment>[2] = { ...rest, ...(input.slots ? { slots: input.slots.map((s) => new Date(s).toISOString()) } : {}) };
    const newStart = startsAt ? new Date(startsAt) : undefined;
    const moved = (newStart && newStart.getTime() !== current.startsAt.getTime()) || (input.timeZone && input.timeZone !== current.timeZone);
    let change: AppointmentChange = "updated";
    if (moved) {
      change = "rescheduled";
      Object.assign(set, { startsAt: newStart ?? current.startsAt, status: "scheduled" });
    } else if (status && status !== current.status) {
      change = status;
      set.status = status;
    }
    const changed = await changeAppointment(tx, current, set, change, { actor });
    return { result: changed.eventId, events: changed.events };
  });
  if (eventId) await publishTimelineEvent(organizationId, eventId);
  return getAppointment(organizationId, id);
}
