"use client";

import { CheckIcon, CloudAlertIcon, LoaderIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import type { SaveStatus } from "./use-autosave";

/** Autosave state: saved / unsaved changes / saving / failed / changed elsewhere. */
export function SaveIndicator({ status, onReload }: { status: SaveStatus; onReload: () => void }) {
  const t = useTranslations("flowEditor.save");
  return (
    <span role="status" aria-live="polite" data-testid="save-status" data-status={status} className="flex items-center gap-1 text-xs text-muted-foreground">
      {status === "saved" && (
        <>
          <CheckIcon aria-hidden="true" className="size-3.5" />
          {t("saved")}
        </>
      )}
      {status === "pending" && t("pending")}
      {status === "saving" && (
        <>
          <LoaderIcon aria-hidden="true" className="size-3.5 animate-spin" />
          {t("saving")}
        </>
      )}
      {status === "error" && (
        <span className="flex items-center gap-1 text-destructive">
          <CloudAlertIcon aria-hidden="true" className="size-3.5" />
          {t("error")}
        </span>
      )}
      {status === "conflict" && (
        <span className="flex items-center gap-1 text-destructive">
          <CloudAlertIcon aria-hidden="true" className="size-3.5" />
          {t("conflict")}
          <button type="button" className="underline" onClick={onReload}>
            {t("reload")}
          </button>
        </span>
      )}
    </span>
  );
}
