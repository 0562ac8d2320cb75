"use client";

import * as React from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { FormError } from "@/components/forms/form-error";
import { DateTime } from "@/components/shared/date-time";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

import { isKnownAuditAction, type AuditPage } from "./audit-entry";
import { AuditTarget } from "./audit-target";

type AuditLogTableProps = { orgSlug: string; firstPage: AuditPage };

/** The audit log, newest first; older entries load on demand, 50 at a time. */
export function AuditLogTable({ orgSlug, firstPage }: AuditLogTableProps) {
  const t = useTranslations("auditLog");
  const tc = useTranslations("common");
  const [olderPages, setOlderPages] = React.useState<AuditPage[]>([]);
  const next = olderPages.length > 0 ? olderPages[olderPages.length - 1].next : firstPage.next;
  const loadMore = useMutation({
    mutationFn: (before: string) =>
      apiFetch<AuditPage>(
        `/api/v1/orgs/${encodeURIComponent(orgSlug)}/audit-log?${new URLSearchParams({ before, limit: "50" })}`,
      ),
    onSuccess: (page) => setOlderPages((pages) => [...pages, page]),
  });
  const entries = [firstPage, ...olderPages].flatMap((page) => page.entries);

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
      <FormError error={loadMore.error} />
      {next && (
        <div className="flex justify-center pb-2">
          <Button type="button" variant="outline" disabled={loadMore.isPending} onClick={() => loadMore.mutate(next)}>
            {loadMore.isPending ? tc("loading") : tc("loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}
