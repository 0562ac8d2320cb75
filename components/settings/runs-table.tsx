"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useOlderPages } from "@/components/shared/use-older-pages";
import { DateTime } from "@/components/shared/date-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunsPage } from "@/lib/runs/run-view";

import { RunDuration } from "./run-duration";
import { RunStatusBadge } from "./run-status-badge";

type RunsTableProps = { orgSlug: string; firstPage: RunsPage; filters: { functionId?: string; status?: string } };

/** The organization's runs, newest first; older ones load on demand with the same filters. */
export function RunsTable({ orgSlug, firstPage, filters }: RunsTableProps) {
  const t = useTranslations("runs");
  const { pages, loadMore } = useOlderPages(firstPage, (before: string) => {
    const query = new URLSearchParams({ before, limit: "50" });
    if (filters.functionId) query.set("functionId", filters.functionId);
    if (filters.status) query.set("status", filters.status);
    return apiFetch<RunsPage>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/runs?${query}`);
  });
  const runs = pages.flatMap((page) => page.runs);

  return (
    <div className="grid gap-4">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("function")}</TableHead>
            <TableHead>{t("status")}</TableHead>
            <TableHead>{t("started")}</TableHead>
            <TableHead>{t("duration")}</TableHead>
            <TableHead>{t("trigger")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((run) => (
            <TableRow key={run.id}>
              <TableCell className="font-medium">
                <Link href={`/${orgSlug}/settings/runs/${run.id}`} className="hover:underline">
                  {run.functionName ?? run.functionId}
                </Link>
              </TableCell>
              <TableCell>
                <RunStatusBadge status={run.status} />
              </TableCell>
              <TableCell className="text-muted-foreground">
                <DateTime value={run.startedAt} />
              </TableCell>
              <TableCell className="text-muted-foreground">
                <RunDuration ms={run.durationMs} />
              </TableCell>
              <TableCell>
                <code className="font-mono text-xs text-muted-foreground">{run.eventName}</code>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {loadMore}
    </div>
  );
}
