"use client";

import * as React from "react";
import Link from "next/link";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import type { ContactListItem } from "./types";

const ROW = 48;
export type SortState = { sort: "created" | "name" | "lastMessage"; direction: "asc" | "desc" };

/**
 * The contacts table: TanStack Table for the columns, TanStack Virtual for the rows (only what is in view is in the
 * DOM), pages fetched by cursor as the end comes into view. On a phone the table scrolls sideways inside its frame.
 */
export function ContactsTable({
  slug,
  rows,
  selected,
  onSelect,
  sort,
  onSort,
  hasMore,
  loadMore,
  loading,
}: {
  slug: string;
  rows: ContactListItem[];
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  sort: SortState;
  onSort: (s: SortState) => void;
  hasMore: boolean;
  loadMore: () => void;
  loading: boolean;
}) {
  const t = useTranslations("contactsList");
  const parentRef = React.useRef<HTMLDivElement>(null);
  const consent = (v: ContactListItem["optIn"]) => t(`consent.${v}`);
  const columns = React.useMemo<ColumnDef<ContactListItem>[]>(
    () => [
      {
        id: "select",
        size: 40,
        header: () => (
          <input
            type="checkbox"
            aria-label={t("selectAll")}
            checked={rows.length > 0 && rows.every((r) => selected.has(r.id))}
            onChange={(e) => onSelect(rows.map((r) => r.id), e.target.checked)}
          />
        ),
        cell: ({ row }) => (
          <input type="checkbox" aria-label={t("selectRow", { name: displayName(row.original) })} checked={selected.has(row.original.id)} onChange={(e) => onSelect([row.original.id], e.target.checked)} />
        ),
      },
      {
        id: "name",
        size: 220,
        header: () => <SortButton label={t("columns.name")} column="name" sort={sort} onSort={onSort} />,
        cell: ({ row }) => (
          <Link href={`/${slug}/contacts/${row.original.id}`} className="font-medium hover:underline">
            {displayName(row.original)}
          </Link>
        ),
      },
      { id: "number", size: 170, header: () => t("columns.number"), cell: ({ row }) => <span className="tabular-nums">{row.original.phoneE164 ?? row.original.userId ?? "—"}</span> },
      {
        id: "tags",
        size: 180,
        header: () => t("columns.tags"),
        cell: ({ row }) => (
          <span className="flex flex-wrap gap-1">
            {row.original.tags.map((tag) => (
              <Badge key={tag.id} variant="secondary">
                {tag.name}
              </Badge>
            ))}
          </span>
        ),
      },
      { id: "stage", size: 110, header: () => t("columns.stage"), cell: ({ row }) => row.original.stage?.name ?? "—" },
      { id: "consent", size: 110, header: () => t("columns.consent"), cell: ({ row }) => consent(row.original.optIn) },
      {
        id: "lastMessage",
        size: 150,
        header: () => <SortButton label={t("columns.lastMessage")} column="lastMessage" sort={sort} onSort={onSort} />,
        cell: ({ row }) => (row.original.lastInboundAt ? new Date(row.original.lastInboundAt).toLocaleString() : "—"),
      },
      { id: "channel", size: 130, header: () => t("columns.channel"), cell: ({ row }) => row.original.channel.name },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt when what the cells read changes
    [rows, selected, sort, slug, t],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack returns fresh functions by design
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.id });
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.length ? items[items.length - 1].index : -1;
  React.useEffect(() => {
    if (hasMore && !loading && lastVisible >= rows.length - 15) loadMore();
  }, [hasMore, loading, lastVisible, rows.length, loadMore]);
  const width = table.getTotalSize();
  const tableRows = table.getRowModel().rows;

  return (
    <div ref={parentRef} className="h-[calc(100dvh-19rem)] min-h-80 overflow-auto rounded-md border" data-testid="contacts-table">
      <div style={{ minWidth: width }} role="table" aria-rowcount={rows.length} className="text-sm">
        <div role="rowgroup" className="sticky top-0 z-10 border-b bg-background">
          {table.getHeaderGroups().map((hg) => (
            <div role="row" key={hg.id} className="flex h-10 items-center">
              {hg.headers.map((h) => (
                <div role="columnheader" key={h.id} style={{ width: h.getSize(), flex: h.column.id === "name" ? "1 0 auto" : undefined }} className="px-3 text-left font-medium text-muted-foreground">
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </div>
              ))}
            </div>
          ))}
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((v) => {
            const row = tableRows[v.index];
            if (!row) return null;
            return (
              <div
                role="row"
                key={row.id}
                data-contact-id={row.id}
                className="absolute left-0 flex w-full items-center border-b hover:bg-muted/50"
                style={{ height: ROW, transform: `translateY(${v.start}px)` }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div role="cell" key={cell.id} style={{ width: cell.column.getSize(), flex: cell.column.id === "name" ? "1 0 auto" : undefined }} className="truncate px-3">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {!loading && rows.length === 0 && <p className="p-6 text-center text-muted-foreground">{t("empty")}</p>}
      </div>
    </div>
  );
}

function SortButton({ label, column, sort, onSort }: { label: string; column: SortState["sort"]; sort: SortState; onSort: (s: SortState) => void }) {
  const active = sort.sort === column;
  return (
    <button
      type="button"
      className="inline-flex items-center gap-1 hover:text-foreground"
      aria-pressed={active}
      onClick={() => onSort({ sort: column, direction: active && sort.direction === "asc" ? "desc" : "asc" })}
    >
      {label}
      {active && <span aria-hidden="true">{sort.direction === "asc" ? "↑" : "↓"}</span>}
    </button>
  );
}

export function displayName(c: ContactListItem): string {
  return c.name ?? c.profileName ?? c.phoneE164 ?? c.userId ?? "—";
}
