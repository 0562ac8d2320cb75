import { planReminders } from "@/lib/appointments/plan-reminders";
import { sendAppointmentMessage } from "@/lib/appointments/send-appointment-message";
import { appointmentScheduled, inngest } from "../../client";
import { executorClock } from "../../executor/clock";

/**
 * One version of an appointment (lib/appointments/README.md): the confirmation request now, then each reminder
 * after a durable sleep until its moment. Every send re-reads the appointment first: a reschedule or cancellation
 * made a new version, so this run stops and sends nothing more (the new version has its own run); nothing goes out
 * once the start time has passed. "Now" is the executor's clock, so tests cross the sleeps with a manual clock.
 */
export const appointmentReminders = inngest.createFunction(
  { id: "appointment-reminders", triggers: [appointmentScheduled], retries: 6 },
  async ({ event, step }) => {
    const { organizationId, appointmentId, version } = event.data;
    const now = () => new Date(executorClock().now());
    const plan = await step.run("plan", () => planReminders(organizationId, appointmentId, version, now()));
    if ("stopped" in plan) return plan;
    const results: Record<string, unknown> = {};
    if (plan.confirm) {
      results.confirmation = await step.run("confirmation", () => sendAppointmentMessage(organizationId, appointmentId, version, "confirmation", now()));
      if ("stopped" in (results.confirmation as object)) return results;
    }
    for (const r of plan.reminders) {
      await step.sleepUntil(`until-reminder-${r.offsetMinutes}`, r.at);
      const sent = await step.run(`reminder-${r.offsetMinutes}`, () => sendAppointmentMessage(organizationId, appointmentId, version, `reminder-${r.offsetMinutes}`, now()));
      results[`reminder-${r.offsetMinutes}`] = sent;
      if ("stopped" in sent) break;
    }
    return results;
  },
);
