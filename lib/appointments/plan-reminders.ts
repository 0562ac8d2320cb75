import { getAppointmentOrThrow } from "./get-appointment";
import { getAppointmentSettings } from "./appointment-settings";
import { isLive } from "./send-appointment-message";

export type ReminderPlan = { stopped: string } | { confirm: boolean; reminders: { offsetMinutes: number; at: string }[] };

/**
 * What one version's run will send: the confirmation request (if the organization sends one) and a reminder at each
 * offset before the start that is still ahead of `now` (a reminder whose moment passed is dropped, not sent late).
 */
export async function planReminders(organizationId: string, appointmentId: string, version: number, now: Date): Promise<ReminderPlan> {
  const a = await getAppointmentOrThrow(organizationId, appointmentId).catch(() => null);
  const live = isLive(a, version, now);
  if (live !== true) return { stopped: live };
  const settings = await getAppointmentSettings(organizationId);
  const reminders = [...settings.reminderOffsetsMinutes]
    .sort((x, y) => y - x)
    .map((offsetMinutes) => ({ offsetMinutes, at: new Date(a!.startsAt.getTime() - offsetMinutes * 60_000).toISOString() }))
    .filter((r) => new Date(r.at) > now);
  // A time the customer picked themselves (a slot) is confirmed already: no confirmation request for it.
  return { confirm: settings.sendConfirmation && a!.status !== "confirmed", reminders };
}
