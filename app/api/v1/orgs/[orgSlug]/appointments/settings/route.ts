import { readJson, withOrg } from "@/lib/api/route";
import { appointmentSettingsInput } from "@/lib/appointments/appointment-input";
import { getAppointmentSettings, saveAppointmentSettings } from "@/lib/appointments/appointment-settings";

// Reminder offsets, the confirmation and reminder templates, the reschedule flow, confirm on create.
export const GET = withOrg("appointments.read", async ({ ctx }) => ({ settings: await getAppointmentSettings(ctx.org.id) }));

export const PUT = withOrg("appointments.configure", async ({ req, ctx }) => ({
  settings: await saveAppointmentSettings(ctx.org.id, await readJson(req, appointmentSettingsInput)),
}));
