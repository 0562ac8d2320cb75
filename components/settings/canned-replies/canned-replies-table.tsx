"use client";

import { useTranslations } from "next-intl";

import { ConfirmAction } from "@/components/shared/confirm-action";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CannedReplyDialog, type CannedReplyView } from "./canned-reply-dialog";

type Props = { orgSlug: string; replies: CannedReplyView[]; canManage: boolean };

/** The organization's canned replies; managers edit and delete them in place. */
export function CannedRepliesTable({ orgSlug, replies, canManage }: Props) {
  const t = useTranslations("cannedRepliesSettings");
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("shortcut")}</TableHead>
          <TableHead>{t("body")}</TableHead>
          {canManage && <TableHead className="text-right">{t("actions")}</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {replies.map((r) => (
          <TableRow key={r.id} data-testid="canned-reply-row" data-shortcut={r.shortcut}>
            <TableCell className="font-mono text-sm">/{r.shortcut}</TableCell>
            <TableCell className="max-w-md whitespace-pre-wrap break-words text-sm">{r.body}</TableCell>
            {canManage && (
              <TableCell className="text-right">
                <div className="flex justify-end gap-2">
                  <CannedReplyDialog orgSlug={orgSlug} reply={r} />
                  <ConfirmAction
                    path={`/api/v1/orgs/${encodeURIComponent(orgSlug)}/canned-replies/${r.id}`}
                    triggerLabel={t("delete")}
                    title={t("deleteTitle", { shortcut: r.shortcut })}
                    description={t("deleteDescription")}
                    confirmLabel={t("delete")}
                  />
                </div>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
