import { readJson, withOrg } from "@/lib/api/route";
import { appointmentCreateInput, appointmentListQuery } from "@/lib/appointments/appointment-input";
import { createAppointment } from "@/lib/appointments/create-appointment";
import { listAppointments } from "@/lib/appointments/list-appointments";

// Appointments by start time; filters: from/to (ISO, start in [from, to)), status, staff, contactId, limit.
export const GET = withOrg("appointments.read", async ({ req, ctx }) => {
  const query = appointmentListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return { appointments: await listAppointments(ctx.org.id, query) };
});

// A new appointment (201): its confirmation request and reminders are scheduled. `Idempotency-Key` (withOrg's
// `idempotent`): a retry gets the same answer and creates nothing.
export const POST = withOrg(
  "appointments.manage",
  async ({ req, ctx }) => {
    const input = await readJson(req, appointmentCreateInput);
    return Response.json({ appointment: await createAppointment(ctx.org.id, ctx.actor, input) }, { status: 201 });
  },
  { idempotent: true },
);
