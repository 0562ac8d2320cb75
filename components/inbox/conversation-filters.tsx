"use client";

import * as React from "react";
import { SearchIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import type { ChannelOption, Counts, DepartmentView, Filters, TagView } from "./types";

// Selects share the row in columns at least 9rem wide and wrap rather than clip a longer (Portuguese) label.
const selectClass = "h-8 w-full min-w-0 rounded-md border bg-background px-1.5 text-xs";
const selectRow = "grid grid-cols-[repeat(auto-fit,minmax(9rem,1fr))] gap-1";

/** Search, the mine/unassigned/all tabs with their counts and unread counts, and the narrowing selects. */
export function ConversationFilters({
  filters,
  onChange,
  counts,
  departments,
  channels,
  tags,
  searchRef,
}: {
  filters: Filters;
  onChange: (f: Filters) => void;
  counts: Counts | undefined;
  departments: DepartmentView[];
  channels: ChannelOption[];
  tags: TagView[];
  searchRef: React.RefObject<HTMLInputElement | null>;
}) {
  const t = useTranslations("inbox.filters");
  const [q, setQ] = React.useState(filters.q);
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });

  // Typing searches after a short pause, not on every key.
  React.useEffect(() => {
    if (q === filters.q) return;
    const id = setTimeout(() => onChange({ ...filters, q }), 250);
    return () => clearTimeout(id);
  }, [q, filters, onChange]);

  return (
    <div className="grid gap-2 border-b p-3">
      <div className="relative">
        <SearchIcon aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          ref={searchRef}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") (e.target as HTMLInputElement).blur();
          }}
          placeholder={t("searchPlaceholder")}
          aria-label={t("search")}
          aria-keyshortcuts="/"
          className="h-8 pl-8 text-sm"
        />
      </div>
      <div role="tablist" aria-label={t("assignee")} className="flex flex-wrap gap-1">
        {(["mine", "unassigned", "all"] as const).map((a) => (
          <button
            key={a}
            type="button"
            role="tab"
            aria-selected={filters.assignee === a}
            data-testid={`filter-${a}`}
            onClick={() => set({ assignee: a })}
            className={cn(
              "flex flex-auto items-center justify-center gap-1 rounded-md px-2 py-1 text-xs font-medium whitespace-nowrap",
              filters.assignee === a ? "bg-primary text-primary-foreground" : "bg-muted hover:bg-muted/70",
            )}
          >
            {t(a)}
            {/* One number per tab (how many); unread is a dot that names its count, not a second number. */}
            {counts && <span className="tabular-nums opacity-80">{counts.counts[a]}</span>}
            {counts && counts.unread[a] > 0 && (
              <span data-testid={`filter-${a}-unread`} role="img" aria-label={t("unreadIn", { count: counts.unread[a] })} title={t("unreadIn", { count: counts.unread[a] })} className="size-1.5 rounded-full bg-sky-500" />
            )}
          </button>
        ))}
      </div>
      <div className={selectRow}>
        <select aria-label={t("status")} className={selectClass} value={filters.status} onChange={(e) => set({ status: e.target.value as Filters["status"] })}>
          {(["open", "pending", "closed", "all"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t("owner")} className={selectClass} value={filters.owner} onChange={(e) => set({ owner: e.target.value as Filters["owner"] })}>
          <option value="">{t("anyOwner")}</option>
          <option value="bot">{t("botOwned", { count: counts?.counts.bot ?? 0 })}</option>
          <option value="human">{t("humanOwned")}</option>
        </select>
      </div>
      <div className={selectRow}>
        <select aria-label={t("department")} className={`${selectClass} col-span-full`} value={filters.departmentId} onChange={(e) => set({ departmentId: e.target.value })}>
          <option value="">{t("anyDepartment")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <select aria-label={t("channel")} className={selectClass} value={filters.channelId} onChange={(e) => set({ channelId: e.target.value })}>
          <option value="">{t("anyChannel")}</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select aria-label={t("tag")} className={selectClass} value={filters.tagId} onChange={(e) => set({ tagId: e.target.value })}>
          <option value="">{t("anyTag")}</option>
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 text-xs text-muted-foreground">
        <input type="checkbox" data-testid="filter-test" checked={filters.test} onChange={(e) => set({ test: e.target.checked })} className="size-3.5" />
        {t("showTest")}
      </label>
    </div>
  );
}
