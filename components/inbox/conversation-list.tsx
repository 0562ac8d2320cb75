"use client";

import * as React from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { InboxIcon, LoaderIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { ConversationRow, ROW_HEIGHT } from "./conversation-row";
import type { ConversationItem } from "./types";

/**
 * The conversation list, virtualised (only the rows in view plus a few are in the DOM, so 10,000 loaded rows scroll
 * like 20) and paged by the cursor as the end comes into view. Keyboard: ↑/↓ move, Home/End jump, Enter opens.
 */
export function ConversationList({
  rows,
  selectedId,
  onOpen,
  hasMore,
  loadingMore,
  loadMore,
  loading,
  search = "",
}: {
  rows: ConversationItem[];
  search?: string;
  selectedId: string | null;
  onOpen: (id: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  loading: boolean;
}) {
  const t = useTranslations("inbox.list");
  const parentRef = React.useRef<HTMLDivElement>(null);
  const [active, setActive] = React.useState(-1);
  // One clock for every row (a minute is the list's resolution), not a timer per row.
  const [now, setNow] = React.useState(() => new Date());
  React.useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(id);
  }, []);
  // TanStack Virtual returns fresh functions each render by design; the React Compiler lint cannot know that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.length ? items[items.length - 1].index : -1;

  React.useEffect(() => {
    if (hasMore && !loadingMore && lastVisible >= rows.length - 10) loadMore();
  }, [hasMore, loadingMore, lastVisible, rows.length, loadMore]);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (rows.length === 0) return;
    const current = active >= 0 ? active : Math.max(0, rows.findIndex((r) => r.id === selectedId));
    if (e.key === "ArrowDown") move(active < 0 ? current : current + 1);
    else if (e.key === "ArrowUp") move(current - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(rows.length - 1);
    else if (e.key === "Enter" && rows[current]) onOpen(rows[current].id);
    else return;
    e.preventDefault();
  };

  if (loading) {
    return (
      <div className="flex flex-1 items-center justify-center text-sm text-muted-foreground">
        <LoaderIcon aria-hidden="true" className="mr-2 size-4 animate-spin" />
        {t("loading")}
      </div>
    );
  }
  if (rows.length === 0) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-2 p-6 text-center text-sm text-muted-foreground" data-testid="conversation-list-empty">
        <InboxIcon aria-hidden="true" className="size-6" />
        {t("empty")}
      </div>
    );
  }
  const activeRow = active >= 0 ? rows[active] : undefined;
  return (
    <div
      ref={parentRef}
      role="listbox"
      aria-label={t("label")}
      tabIndex={0}
      aria-activedescendant={activeRow ? `conversation-option-${activeRow.id}` : undefined}
      onKeyDown={onKeyDown}
      onBlur={() => setActive(-1)}
      data-testid="conversation-list"
      data-loaded={rows.length}
      className="min-h-0 flex-1 overflow-y-auto outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-ring"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((v) => {
          const row = rows[v.index];
          return (
            <div key={v.key} style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}>
              <ConversationRow
                id={`conversation-option-${row.id}`}
                conversation={row}
                selected={row.id === selectedId}
                active={v.index === active}
                now={now}
                search={search}
                onOpen={onOpen}
              />
            </div>
          );
        })}
      </div>
      {loadingMore && <p className="p-2 text-center text-xs text-muted-foreground">{t("loadingMore")}</p>}
    </div>
  );
}
