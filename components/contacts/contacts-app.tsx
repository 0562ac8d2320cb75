"use client";

import * as React from "react";
import Link from "next/link";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { FilterIcon, UploadIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { BulkActionsBar } from "./bulk-actions-bar";
import { ContactFilterPanel } from "./contact-filter-panel";
import { ContactsTable, type SortState } from "./contacts-table";
import type { ContactFilter, ContactListItem, ContactsContext, SegmentOption } from "./types";

type Page = { contacts: ContactListItem[]; nextCursor: string | null };

/** The contacts page: search, filters, segments, a virtualised table and bulk actions, all on the v1 API. */
export function ContactsApp({ ctx }: { ctx: ContactsContext }) {
  const t = useTranslations("contactsList");
  const queryClient = useQueryClient();
  const base = `/api/v1/orgs/${ctx.slug}`;
  const [search, setSearch] = React.useState("");
  const [q, setQ] = React.useState("");
  const [filter, setFilter] = React.useState<ContactFilter>({});
  const [showFilters, setShowFilters] = React.useState(false);
  const [sort, setSort] = React.useState<SortState>({ sort: "created", direction: "desc" });
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [segments, setSegments] = React.useState<SegmentOption[]>(ctx.segments);
  const [segmentId, setSegmentId] = React.useState("");

  React.useEffect(() => {
    const id = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(id);
  }, [search]);

  const effective: ContactFilter = React.useMemo(() => ({ ...filter, ...(q && { q }) }), [filter, q]);
  const params = new URLSearchParams({ filter: JSON.stringify(effective) });
  const list = useInfiniteQuery({
    queryKey: ["contacts", ctx.slug, effective, sort],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const p = new URLSearchParams(params);
      p.set("sort", sort.sort);
      p.set("direction", sort.direction);
      p.set("limit", "100");
      if (pageParam) p.set("cursor", pageParam);
      return apiFetch<Page>(`${base}/contacts?${p}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    // Imports and bulk actions change the list elsewhere: coming back to the page always reads it again.
    refetchOnMount: "always",
  });
  const count = useQuery({
    queryKey: ["contacts-count", ctx.slug, effective],
    queryFn: ({ signal }) => apiFetch<{ count: number }>(`${base}/contacts/count?${params}`, { signal }),
    refetchOnMount: "always",
  });
  const rows = React.useMemo(() => list.data?.pages.flatMap((p) => p.contacts) ?? [], [list.data]);
  const loadMore = React.useCallback(() => void list.fetchNextPage(), [list]);
  const refresh = () => {
    setSelected(new Set());
    void queryClient.invalidateQueries({ queryKey: ["contacts", ctx.slug] });
    void queryClient.invalidateQueries({ queryKey: ["contacts-count", ctx.slug] });
  };
  const onSelect = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const pickSegment = (id: string) => {
    setSegmentId(id);
    const segment = segments.find((s) => s.id === id);
    const { q: savedQ, ...rest } = segment?.filter ?? {};
    setFilter(rest);
    setSearch(savedQ ?? "");
    setShowFilters(!!segment);
  };

  const saveSegment = async (name: string) => {
    const res = await apiFetch<{ segment: SegmentOption }>(`${base}/segments`, { method: "POST", body: { name, filter: effective } });
    setSegments((s) => [...s, res.segment].sort((a, b) => a.name.localeCompare(b.name)));
    setSegmentId(res.segment.id);
  };

  return (
    <div className="mx-auto w-full max-w-7xl space-y-4 px-4 py-6 md:px-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="contacts-count">
            {count.data ? t("count", { count: count.data.count }) : "\u00a0"}
          </p>
        </div>
        {ctx.canManage && (
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/contact-exports?${params}`} download>
                {t("exportAll")}
              </a>
            </Button>
            <Button asChild size="sm">
              <Link href={`/${ctx.slug}/contacts/import`}>
                <UploadIcon aria-hidden="true" />
                {t("import")}
              </Link>
            </Button>
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Input type="search" aria-label={t("search")} placeholder={t("search")} className="w-full sm:w-72" value={search} onChange={(e) => setSearch(e.target.value)} />
        <Button type="button" variant={showFilters ? "secondary" : "outline"} size="sm" aria-expanded={showFilters} onClick={() => setShowFilters((v) => !v)}>
          <FilterIcon aria-hidden="true" />
          {t("filters")}
        </Button>
        <label className="flex items-center gap-2 text-sm">
          <span className="sr-only sm:not-sr-only">{t("segment")}</span>
          <select aria-label={t("segment")} className="h-9 rounded-md border border-input bg-transparent px-2 text-sm" value={segmentId} onChange={(e) => pickSegment(e.target.value)}>
            <option value="">{t("allContacts")}</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {showFilters && <ContactFilterPanel ctx={ctx} filter={filter} onChange={setFilter} onSaveSegment={ctx.canManage ? saveSegment : null} />}
      {ctx.canManage && selected.size > 0 && <BulkActionsBar ctx={ctx} ids={[...selected]} onDone={refresh} />}
      {list.error && (
        <p role="alert" className="text-sm text-destructive">
          {list.error.message}
        </p>
      )}
      <ContactsTable
        slug={ctx.slug}
        rows={rows}
        selected={selected}
        onSelect={onSelect}
        sort={sort}
        onSort={setSort}
        hasMore={!!list.hasNextPage}
        loadMore={loadMore}
        loading={list.isLoading || list.isFetchingNextPage}
      />
    </div>
  );
}
