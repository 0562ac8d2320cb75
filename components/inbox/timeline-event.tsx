"use client";

import { StickyNoteIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import type { EventItem } from "./types";

const STATUSES: readonly string[] & readonly ("open" | "pending" | "closed")[] = ["open", "pending", "closed"];
const PRIORITIES: readonly string[] & readonly ("low" | "normal" | "high" | "urgent")[] = ["low", "normal", "high", "urgent"];
const s = (v: unknown) => (typeof v === "string" ? v : "");

/** A non-message entry of the timeline: an internal note (never sent to the customer) or what happened. */
export function TimelineEvent({ event }: { event: EventItem }) {
  const t = useTranslations("inbox.events");
  const actor = event.actorName ?? t("system");
  const d = event.data ?? {};
  const time = new Date(event.createdAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  if (event.type === "note") {
    return (
      <li data-testid="timeline-note" className="mx-auto w-full max-w-[80%] rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
        <p className="mb-1 flex items-center gap-1 text-[11px] font-semibold uppercase tracking-wide">
          <StickyNoteIcon aria-hidden="true" className="size-3" />
          {t("note", { actor })} · {time}
        </p>
        <p className="whitespace-pre-wrap break-words">{event.body}</p>
      </li>
    );
  }
  const target = s(d.assigneeName) || s(d.departmentName) || t("nobody");
  let text: string;
  switch (event.type) {
    case "assigned":
      text = d.auto ? t("autoAssigned", { target }) : t("assigned", { actor, target });
      break;
    case "transferred":
      text = t("transferred", { actor, target });
      break;
    case "status_changed":
      text = t("statusChanged", { actor, to: STATUSES.includes(s(d.to)) ? t(`statusNames.${s(d.to) as (typeof STATUSES)[number]}`) : s(d.to) });
      break;
    case "priority_changed":
      text = t("priorityChanged", { actor, to: PRIORITIES.includes(s(d.to)) ? t(`priorityNames.${s(d.to) as (typeof PRIORITIES)[number]}`) : s(d.to) });
      break;
    case "tagged":
      text = t("tagged", { actor, tag: s(d.tagName) });
      break;
    case "untagged":
      text = t("untagged", { actor, tag: s(d.tagName) });
      break;
    case "bot_changed":
      text = d.to === "bot" ? t("botOn", { actor }) : t("botOff", { actor });
      break;
    case "handoff":
      text = t("handoff", { target });
      break;
    default:
      text = String(event.type);
  }
  return (
    <li data-testid="timeline-event" data-event-type={event.type} className="flex flex-col items-center gap-1 py-1 text-center text-xs text-muted-foreground">
      <span className="rounded-full bg-muted px-3 py-1">
        {text} · {time}
      </span>
      {event.body && <span className="max-w-[70%] whitespace-pre-wrap break-words italic">“{event.body}”</span>}
    </li>
  );
}
