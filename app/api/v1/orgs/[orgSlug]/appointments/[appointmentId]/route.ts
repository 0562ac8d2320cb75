import { parseId } from "@/lib/api/parse-id";
import { readJson, withOrg } from "@/lib/api/route";
import { appointmentUpdateInput } from "@/lib/appointments/appointment-input";
import { getAppointment } from "@/lib/appointments/get-appointment";
import { updateAppointment } from "@/lib/appointments/update-appointment";

type Params = { orgSlug: string; appointmentId: string };

export const GET = withOrg<Params>("appointments.read", async ({ params, ctx }) => ({ appointment: await getAppointment(ctx.org.id, parseId(params.appointmentId, "Appointment")) }));

// A new startsAt or timeZone reschedules (reminders move, a new confirmation goes); status: confirmed/completed/no_show.
export const PATCH = withOrg<Params>("appointments.manage", async ({ req, params, ctx }) => ({
  appointment: await updateAppointment(ctx.org.id, parseId(params.appointmentId, "Appointment"), ctx.actor, await readJson(req, appointmentUpdateInput)),
}));
