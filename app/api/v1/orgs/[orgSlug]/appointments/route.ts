import { readJson, withOrg } from "@/lib/api/route";
import { appointmentCreateInput, appointmentListQuery } from "@/lib/appointments/appointment-input";
import { createAppointment } from "@/lib/appointments/create-appointment";
import { listAppointments } from "@/lib/appointments/list-appointments";
import { answerResponse } from "@/lib/notifications/answer-response";
import { runIdempotent } from "@/lib/notifications/run-idempotent";

// Appointments by start time; filters: from/to (ISO, start in [from, to)), status, staff, contactId, limit.
export const GET = withOrg("appointments.read", async ({ req, ctx }) => {
  const query = appointmentListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return { appointments: await listAppointments(ctx.org.id, query) };
});

// A new appointment (201): its confirmation request and reminders are scheduled. `Idempotency-Key` like the
// notifications API: a retry gets the same answer and creates nothing.
export const POST = withOrg("appointments.manage", async ({ req, ctx }) => {
  const input = await readJson(req, appointmentCreateInput);
  const key = req.headers.get("idempotency-key");
  const answer = await runIdempotent(ctx.org.id, key === null ? null : `appointment:${key}`, input, async () => ({
    status: 201,
    body: { appointment: await createAppointment(ctx.org.id, ctx.actor, input) },
  }));
  return answerResponse(answer);
});
