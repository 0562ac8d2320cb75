import type { Appointment } from "@/db/schema";
import type { JobEvent } from "@/lib/jobs";

/** The event that starts the confirmation-and-reminders run of one version of an appointment (one run per version). */
export function scheduledEvent(a: Pick<Appointment, "id" | "organizationId" | "version">): JobEvent {
  return { id: `papo-appointment-${a.id}-v${a.version}`, name: "papo/appointment.scheduled", data: { organizationId: a.organizationId, appointmentId: a.id, version: a.version } };
}
