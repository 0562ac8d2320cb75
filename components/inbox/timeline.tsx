"use client";

import * as React from "react";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { MessageBubble, quotedWamid } from "./message-bubble";
import type { TemplateLookup } from "./message-body";
import { TimelineEvent } from "./timeline-event";
import type { MessageItem, SearchHit, TimelineItem, TimelinePage } from "./types";

/** How many older pages the timeline loads looking for a search hit before it gives up (50 entries a page). */
const HIT_PAGES = 20;
const HIT_CLASSES = ["rounded-lg", "ring-2", "ring-amber-400", "ring-offset-2"];

type Content = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The wamid a reaction message points at (Meta's reaction.message_id inbound, Papo's messageId outbound). */
function reactionTarget(m: MessageItem): string | null {
  if (m.type !== "reaction") return null;
  const c = m.content as Content;
  const id = m.direction === "inbound" ? c.reaction?.message_id : c.messageId;
  return typeof id === "string" ? id : null;
}
function reactionEmoji(m: MessageItem): string {
  const c = m.content as Content;
  const e = m.direction === "inbound" ? c.reaction?.emoji : c.emoji;
  return typeof e === "string" ? e : "";
}

/**
 * Messages, notes and events interleaved in time order. Reactions are drawn on the message they react to (the
 * latest per side), quotes above the reply. Stays pinned to the newest entry while the agent is at the bottom;
 * loading older entries keeps the scroll position.
 */
export function Timeline({
  pages,
  hasOlder,
  loadingOlder,
  loadOlder,
  orgSlug,
  findTemplate,
  onReply,
  onRetry,
  retryingId,
  focusEntry = null,
}: {
  pages: TimelinePage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  orgSlug: string;
  findTemplate: TemplateLookup;
  onReply?: (m: MessageItem) => void;
  onRetry?: (m: MessageItem) => void;
  retryingId?: string | null;
  focusEntry?: SearchHit | null;
}) {
  const t = useTranslations("inbox.timeline");
  const scrollRef = React.useRef<HTMLDivElement>(null);
  const atBottom = React.useRef(true);
  const heightBeforeOlder = React.useRef<number | null>(null);

  const { entries, byWamid, reactions } = React.useMemo(() => {
    const all: TimelineItem[] = [];
    for (let i = pages.length - 1; i >= 0; i--) all.push(...pages[i].items);
    const byWamid = new Map<string, MessageItem>();
    for (const x of all) if (x.kind === "message" && x.waMessageId) byWamid.set(x.waMessageId, x);
    // Latest reaction per (target, side): a new reaction replaces the sender's previous one, "" removes it.
    const latest = new Map<string, string>();
    for (const x of all) {
      if (x.kind !== "message") continue;
      const target = reactionTarget(x);
      if (target && byWamid.has(target)) latest.set(`${target}|${x.direction}`, reactionEmoji(x));
    }
    const reactions = new Map<string, string[]>();
    for (const [key, emoji] of latest) {
      if (!emoji) continue;
      const target = key.split("|")[0];
      reactions.set(target, [...(reactions.get(target) ?? []), emoji]);
    }
    const entries = all.filter((x) => !(x.kind === "message" && reactionTarget(x) && byWamid.has(reactionTarget(x)!)));
    return { entries, byWamid, reactions };
  }, [pages]);

  React.useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (heightBeforeOlder.current !== null) {
      el.scrollTop += el.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    } else if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [entries]);

  // Opened from a search: load older pages until the hit is there, then bring it into view and mark it (once).
  const focused = React.useRef(false);
  React.useEffect(() => {
    if (!focusEntry || focused.current) return;
    const found = entries.some((x) => x.id === focusEntry.id);
    if (!found) {
      if (hasOlder && !loadingOlder && pages.length < HIT_PAGES) loadOlder();
      return;
    }
    const attr = focusEntry.kind === "note" ? "data-event-id" : "data-message-id";
    const el = scrollRef.current?.querySelector<HTMLElement>(`[${attr}="${CSS.escape(focusEntry.id)}"]`);
    if (!el) return;
    focused.current = true;
    atBottom.current = false;
    el.dataset.searchHit = "true";
    el.classList.add(...HIT_CLASSES);
    el.scrollIntoView({ block: "center" });
  }, [focusEntry, entries, hasOlder, loadingOlder, loadOlder, pages.length]);

  const older = () => {
    heightBeforeOlder.current = scrollRef.current?.scrollHeight ?? null;
    loadOlder();
  };

  return (
    <div
      ref={scrollRef}
      data-testid="timeline"
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        if (el.scrollTop < 40 && hasOlder && !loadingOlder) older();
      }}
      className="min-h-0 flex-1 overflow-y-auto px-4 py-3"
    >
      {hasOlder && (
        <div className="flex justify-center pb-2">
          <Button type="button" size="sm" variant="ghost" onClick={older} disabled={loadingOlder}>
            {loadingOlder ? t("loadingOlder") : t("loadOlder")}
          </Button>
        </div>
      )}
      {entries.length === 0 && <p className="py-8 text-center text-sm text-muted-foreground">{t("empty")}</p>}
      <ol className="flex flex-col gap-3">
        {entries.map((x) =>
          x.kind === "event" ? (
            <TimelineEvent key={`e${x.id}`} event={x} />
          ) : (
            <MessageBubble
              key={`m${x.clientKey ?? x.id}`}
              message={x}
              quoted={quotedWamid(x) ? (byWamid.get(quotedWamid(x)!) ?? null) : undefined}
              reactions={x.waMessageId ? (reactions.get(x.waMessageId) ?? []) : []}
              orgSlug={orgSlug}
              findTemplate={findTemplate}
              onReply={onReply}
              onRetry={x.direction === "outbound" && onRetry ? onRetry : undefined}
              retrying={retryingId === x.id}
            />
          ),
        )}
      </ol>
    </div>
  );
}
