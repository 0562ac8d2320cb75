"use client";

import * as React from "react";
import { BotIcon, UserIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";
import { RelativeTime } from "./relative-time";
import { SearchHitText } from "./search-hit-text";
import type { ConversationItem } from "./types";

export const ROW_HEIGHT = 76;

/** One conversation in the list: fixed height, so the virtualiser never has to measure. */
export const ConversationRow = React.memo(function ConversationRow({
  conversation: c,
  selected,
  active,
  id,
  now,
  search,
  onOpen,
}: {
  conversation: ConversationItem;
  /** The list's search, to highlight in the hit. */
  search: string;
  now: Date;
  selected: boolean;
  active: boolean;
  id: string;
  onOpen: (id: string) => void;
}) {
  const t = useTranslations("inbox.list");
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      data-testid="conversation-row"
      data-conversation-id={c.id}
      data-unread={c.unreadCount}
      data-test-conversation={c.isTest || undefined}
      onClick={() => onOpen(c.id)}
      style={{ height: ROW_HEIGHT }}
      className={cn(
        "flex cursor-pointer items-start gap-3 border-b px-3 py-2.5 text-sm",
        selected ? "bg-accent" : "hover:bg-muted/60",
        active && "ring-2 ring-inset ring-ring",
      )}
    >
      <Avatar name={c.displayName} />
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-2">
          <span className={cn("truncate", c.unreadCount > 0 ? "font-semibold" : "font-medium")}>{c.displayName}</span>
          {c.isTest && (
            <span data-testid="test-badge" className="shrink-0 rounded bg-violet-200 px-1 text-[10px] font-semibold uppercase text-violet-900 dark:bg-violet-900 dark:text-violet-100">
              {t("test")}
            </span>
          )}
          {c.owner === "bot" && <BotIcon aria-label={t("botOwned")} className="size-3.5 shrink-0 text-muted-foreground" />}
          {(c.priority === "high" || c.priority === "urgent") && (
            <span className={cn("shrink-0 rounded px-1 text-[10px] font-semibold uppercase", c.priority === "urgent" ? "bg-destructive text-white" : "bg-warning/30")}>
              {t(`priority.${c.priority}`)}
            </span>
          )}
          <span className="ml-auto shrink-0 text-xs text-muted-foreground">{c.lastMessageAt && <RelativeTime value={c.lastMessageAt} now={now} />}</span>
        </div>
        <div className="mt-0.5 flex items-center gap-2">
          {c.searchHit ? (
            <span data-testid="search-hit" className="truncate text-xs text-muted-foreground">
              {c.searchHit.kind === "note" && `${t("note")}: `}
              <SearchHitText text={c.searchHit.text} search={search} />
            </span>
          ) : (
            <span className="truncate text-xs text-muted-foreground">
              {c.lastMessageDirection === "outbound" && `${t("you")}: `}
              {c.lastMessagePreview ?? ""}
            </span>
          )}
          {c.unreadCount > 0 && (
            <span data-testid="unread-count" aria-label={t("unread", { count: c.unreadCount })} className="ml-auto shrink-0 rounded-full bg-primary px-1.5 text-[11px] font-semibold text-primary-foreground">
              {c.unreadCount > 99 ? "99+" : c.unreadCount}
            </span>
          )}
        </div>
        <div className="mt-1 flex items-center gap-1.5 overflow-hidden text-[11px] text-muted-foreground">
          <span className="flex shrink-0 items-center gap-0.5" data-testid="row-assignee">
            <UserIcon aria-hidden="true" className="size-3" />
            {c.assigneeName ?? c.departmentName ?? t("unassigned")}
          </span>
          <span className="truncate">· {c.channelName}</span>
          {c.tags.slice(0, 2).map((tag) => (
            <span key={tag.id} className="shrink-0 rounded bg-muted px-1">
              {tag.name}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
});

export function Avatar({ name, className }: { name: string; className?: string }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => Array.from(w)[0]?.toUpperCase() ?? "")
    .join("");
  return (
    <span aria-hidden="true" className={cn("flex size-9 shrink-0 items-center justify-center rounded-full bg-primary/15 text-xs font-semibold text-primary", className)}>
      {initials || "?"}
    </span>
  );
}
