import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { cancelAppointment } from "@/lib/appointments/cancel-appointment";

// Cancels the appointment: its pending reminders send nothing. Cancelling again changes nothing.
export const POST = withOrg<{ orgSlug: string; appointmentId: string }>("appointments.manage", async ({ params, ctx }) => ({
  appointment: await cancelAppointment(ctx.org.id, parseId(params.appointmentId, "Appointment"), ctx.actor),
}));
