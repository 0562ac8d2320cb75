"use client";

import { StickyNoteIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { describeEvent, type EventTranslator } from "./describe-event";
import type { EventItem } from "./types";
import { useClockTime } from "./use-clock-time";

/** A non-message entry of the timeline: an internal note (never sent to the customer) or what happened. */
export function TimelineEvent({ event }: { event: EventItem }) {
  const t = useTranslations("inbox.events");
  const actor = event.actorName ?? t("system");
  const time = useClockTime()(event.createdAt);
  if (event.type === "note") {
    return (
      <li data-testid="timeline-note" data-event-id={event.id} className="mx-auto w-full max-w-[80%] rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
        <p className="mb-1 flex items-center gap-1 text-[11px] font-semibold uppercase tracking-wide">
          <StickyNoteIcon aria-hidden="true" className="size-3" />
          {t("note", { actor })} · {time}
        </p>
        <p className="whitespace-pre-wrap break-words">{event.body}</p>
      </li>
    );
  }
  const text = describeEvent(event, t as unknown as EventTranslator);
  return (
    <li data-testid="timeline-event" data-event-type={event.type} className="flex flex-col items-center gap-1 py-1 text-center text-xs text-muted-foreground">
      <span className="rounded-full bg-muted px-3 py-1">
        {text} · {time}
      </span>
      {event.body && <span className="max-w-[70%] whitespace-pre-wrap break-words italic">“{event.body}”</span>}
    </li>
  );
}
