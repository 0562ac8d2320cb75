"use client";

import * as React from "react";
import { HistoryIcon } from "lucide-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { FormError } from "@/components/forms/form-error";
import { DateTime } from "@/components/shared/date-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { DraftView } from "@/lib/flows/store/get-draft";
import type { FlowVersionView } from "@/lib/flows/store/list-versions";

/** Published versions, newest first; "Restore" copies one into the draft (the live version keeps running). */
export function VersionsDialog({ base, canManage, onBeforeRestore, onRestored }: { base: string; canManage: boolean; onBeforeRestore: () => Promise<boolean>; onRestored: (draft: DraftView) => void }) {
  const t = useTranslations("flowEditor.versions");
  const tc = useTranslations("common");
  const [open, setOpen] = React.useState(false);
  const versions = useQuery({
    queryKey: ["flow-versions", base],
    queryFn: ({ signal }) => apiFetch<{ versions: FlowVersionView[] }>(`${base}/versions`, { signal }).then((r) => r.versions),
    enabled: open,
    staleTime: 0,
  });
  const restore = useMutation({
    mutationFn: async (version: number) => {
      // Unsaved edits would otherwise be lost silently under the restored graph (they stay in undo history).
      await onBeforeRestore();
      return apiFetch<{ draft: DraftView }>(`${base}/versions/${version}/restore`, { method: "POST", body: {} });
    },
    onSuccess: ({ draft }) => {
      onRestored(draft);
      setOpen(false);
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) restore.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          <HistoryIcon aria-hidden="true" />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {versions.isLoading && <p className="text-sm text-muted-foreground">{tc("loading")}</p>}
        {versions.data?.length === 0 && <p className="text-sm text-muted-foreground">{t("none")}</p>}
        <ul className="grid max-h-80 gap-2 overflow-y-auto" data-testid="versions-list">
          {versions.data?.map((v) => (
            <li key={v.id} className="flex items-center gap-3 rounded-md border px-3 py-2 text-sm">
              <span className="font-semibold">v{v.version}</span>
              {v.live && <Badge>{t("live")}</Badge>}
              <span className="text-xs text-muted-foreground">
                {v.publishedAt && <DateTime value={v.publishedAt} />}
                {v.publishedBy && ` · ${v.publishedBy}`}
              </span>
              {canManage && (
                <Button type="button" variant="outline" size="sm" className="ml-auto" disabled={restore.isPending} onClick={() => restore.mutate(v.version)}>
                  {t("restore")}
                </Button>
              )}
            </li>
          ))}
        </ul>
        <FormError error={restore.error} />
      </DialogContent>
    </Dialog>
  );
}
