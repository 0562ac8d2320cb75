"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useOlderPages } from "@/components/shared/use-older-pages";
import { DateTime } from "@/components/shared/date-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EventsPage } from "@/lib/runs/run-view";

import { RunStatusBadge } from "./run-status-badge";

/** Recent events, newest first, each with links to the runs it started; older ones load on demand. */
export function EventsTable({ orgSlug, firstPage }: { orgSlug: string; firstPage: EventsPage }) {
  const t = useTranslations("events");
  const { pages, loadMore } = useOlderPages(firstPage, (before: string) =>
    apiFetch<EventsPage>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/events?${new URLSearchParams({ before, limit: "50" })}`),
  );
  const events = pages.flatMap((page) => page.events);

  return (
    <div className="grid gap-4">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("name")}</TableHead>
            <TableHead>{t("received")}</TableHead>
            <TableHead>{t("data")}</TableHead>
            <TableHead>{t("runs")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((event) => {
            // The API sends only the start of the payload (dataChars says how long the whole one is).
            const preview = event.dataChars > event.preview.length ? `${event.preview}…` : event.preview;
            return (
              <TableRow key={event.id}>
                <TableCell className="align-top">
                  <code className="font-mono text-xs">{event.name}</code>
                </TableCell>
                <TableCell className="align-top text-muted-foreground">
                  <DateTime value={event.receivedAt} />
                </TableCell>
                <TableCell className="max-w-56 align-top">
                  <code className="block truncate font-mono text-xs text-muted-foreground" title={preview}>
                    {preview}
                  </code>
                </TableCell>
                <TableCell className="align-top">
                  {event.runs.length === 0 ? (
                    <span className="text-muted-foreground">{t("noRuns")}</span>
                  ) : (
                    <ul className="grid gap-1">
                      {event.runs.map((run) => (
                        <li key={run.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                          <Link href={`/${orgSlug}/settings/runs/${run.id}`} className="text-sm hover:underline">
                            {run.functionId}
                          </Link>
                          <RunStatusBadge status={run.status} />
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {loadMore}
    </div>
  );
}
