"use client";

import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useOlderPages } from "@/components/shared/use-older-pages";
import { DateTime } from "@/components/shared/date-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

import { isKnownAuditAction, type AuditPage } from "./audit-entry";
import { AuditTarget } from "./audit-target";

type AuditLogTableProps = { orgSlug: string; firstPage: AuditPage };

/** The audit log, newest first; older entries load on demand, 50 at a time. */
export function AuditLogTable({ orgSlug, firstPage }: AuditLogTableProps) {
  const t = useTranslations("auditLog");
  const { pages, loadMore } = useOlderPages(firstPage, (before: string) =>
    apiFetch<AuditPage>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/audit-log?${new URLSearchParams({ before, limit: "50" })}`),
  );
  const entries = pages.flatMap((page) => page.entries);

  return (
    <div className="grid gap-4">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("when")}</TableHead>
            <TableHead>{t("who")}</TableHead>
            <TableHead>{t("action")}</TableHead>
            <TableHead>{t("target")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell className="align-top text-muted-foreground">
                <DateTime value={entry.createdAt} />
              </TableCell>
              <TableCell className="align-top">
                {entry.actorName || entry.actorEmail ? (
                  <div className="grid gap-0.5">
                    <span className="font-medium">{entry.actorName ?? entry.actorEmail}</span>
                    {entry.actorName && entry.actorEmail && (
                      <span className="text-xs text-muted-foreground">{entry.actorEmail}</span>
                    )}
                  </div>
                ) : entry.apiKeyName ? (
                  t("apiKeyActor", { name: entry.apiKeyName })
                ) : (
                  <span className="text-muted-foreground">{t("system")}</span>
                )}
              </TableCell>
              <TableCell className="align-top">
                {isKnownAuditAction(entry.action) ? (
                  <span title={entry.action}>{t(`actions.${entry.action}`)}</span>
                ) : (
                  <code className="font-mono text-xs">{entry.action}</code>
                )}
              </TableCell>
              <TableCell className="align-top">
                <AuditTarget entry={entry} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {loadMore}
    </div>
  );
}
