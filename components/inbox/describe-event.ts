import type { EventItem } from "./types";

const STATUSES: readonly string[] & readonly ("open" | "pending" | "closed")[] = ["open", "pending", "closed"];
const PRIORITIES: readonly string[] & readonly ("low" | "normal" | "high" | "urgent")[] = ["low", "normal", "high", "urgent"];
const APPOINTMENT_CHANGES = ["created", "updated", "rescheduled", "cancelled", "confirmed", "reschedule_requested", "completed", "no_show"];
const s = (v: unknown) => (typeof v === "string" ? v : "");

/** The `inbox.events` translator (next-intl's, or createTranslator's in a test). */
export type EventTranslator = (key: string, values?: Record<string, string>) => string;

/**
 * The sentence for a timeline event, in the words a person would use: "Ana took the conversation" (not "Ana
 * assigned the conversation to Ana"), "the bot passed it to the team" (not "handed it over to nobody").
 */
export function describeEvent(event: EventItem, t: EventTranslator): string {
  const actor = event.actorName ?? t("system");
  const d = event.data ?? {};
  const assignee = s(d.assigneeName) || s(d.departmentName);
  const target = assignee || t("nobody");
  switch (event.type) {
    case "assigned":
      if (d.auto) return t("autoAssigned", { target });
      if (!assignee) return t("unassignedBy", { actor });
      if (event.actorUserId && d.assigneeId === event.actorUserId) return t("tookIt", { actor });
      return t("assigned", { actor, target });
    case "transferred":
      return t("transferred", { actor, target });
    case "status_changed":
      return t("statusChanged", { actor, to: STATUSES.includes(s(d.to)) ? t(`statusNames.${s(d.to)}`) : s(d.to) });
    case "priority_changed":
      return t("priorityChanged", { actor, to: PRIORITIES.includes(s(d.to)) ? t(`priorityNames.${s(d.to)}`) : s(d.to) });
    case "tagged":
      return t("tagged", { actor, tag: s(d.tagName) });
    case "untagged":
      return t("untagged", { actor, tag: s(d.tagName) });
    case "bot_changed":
      return d.to === "bot" ? t("botOn", { actor }) : t("botOff", { actor });
    case "handoff":
      return assignee ? t("handoff", { target }) : t("handoffToTeam");
    case "appointment": {
      // lib/appointments/record-appointment-change.ts: `by` customer (a button) or team (the page or the API).
      const change = APPOINTMENT_CHANGES.includes(s(d.change)) ? s(d.change) : "updated";
      const who = d.by === "customer" ? t("appointment.customer") : actor;
      return t(`appointment.${change}`, { actor: who, service: s(d.service) ? ` (${s(d.service)})` : "" });
    }
    default:
      return String(event.type);
  }
}
