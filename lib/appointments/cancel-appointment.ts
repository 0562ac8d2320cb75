import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/db";
import { publishTimelineEvent } from "@/lib/realtime/publish-timeline-event";
import type { AppointmentView } from "./appointment-view";
import { changeAppointment } from "./change-appointment";
import { getAppointment, getAppointmentOrThrow } from "./get-appointment";

/** Cancels an appointment (a new version: its pending reminders send nothing). Cancelling twice changes nothing. */
export async function cancelAppointment(organizationId: string, id: string, actor: Actor): Promise<AppointmentView> {
  const eventId = await getDb().transaction(async (tx) => {
    const current = await getAppointmentOrThrow(organizationId, id, tx, { lock: true });
    if (current.status === "cancelled") return null;
    return (await changeAppointment(tx, current, { status: "cancelled" }, "cancelled", { actor })).eventId;
  });
  if (eventId) await publishTimelineEvent(organizationId, eventId);
  return getAppointment(organizationId, id);
}
