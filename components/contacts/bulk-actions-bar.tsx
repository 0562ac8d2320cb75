"use client";

import * as React from "react";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import type { ContactsContext } from "./types";

const selectClass = "h-8 rounded-md border border-input bg-transparent px-2 text-sm";

/** Actions on the picked contacts: tag, untag, set stage, export, delete (confirmed). */
export function BulkActionsBar({ ctx, ids, onDone }: { ctx: ContactsContext; ids: string[]; onDone: () => void }) {
  const t = useTranslations("contactsList.bulk");
  const base = `/api/v1/orgs/${ctx.slug}`;
  const [tagId, setTagId] = React.useState(ctx.tags[0]?.id ?? "");
  const [stageId, setStageId] = React.useState(ctx.stages[0]?.id ?? "");
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<string | null>(null);
  const run = async (body: Record<string, unknown>) => {
    setBusy(true);
    setMessage(null);
    try {
      const res = await apiFetch<{ affected: number }>(`${base}/contacts/bulk`, { method: "POST", body: { ...body, target: { ids } } });
      setMessage(t("done", { count: res.affected }));
      onDone();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div role="toolbar" aria-label={t("label")} className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/40 p-2 text-sm">
      <span className="font-medium">{t("selected", { count: ids.length })}</span>
      {ctx.tags.length > 0 && (
        <>
          <select aria-label={t("tag")} className={selectClass} value={tagId} onChange={(e) => setTagId(e.target.value)}>
            {ctx.tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
          <Button size="sm" variant="outline" disabled={busy} onClick={() => run({ action: "tag", tagId })}>
            {t("addTag")}
          </Button>
          <Button size="sm" variant="outline" disabled={busy} onClick={() => run({ action: "untag", tagId })}>
            {t("removeTag")}
          </Button>
        </>
      )}
      {ctx.stages.length > 0 && (
        <>
          <select aria-label={t("stage")} className={selectClass} value={stageId} onChange={(e) => setStageId(e.target.value)}>
            {ctx.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <Button size="sm" variant="outline" disabled={busy} onClick={() => run({ action: "setStage", stageId })}>
            {t("setStage")}
          </Button>
        </>
      )}
      {/* The ids travel in the URL: past a couple of hundred it would outgrow a request line, so export the filter then. */}
      {ids.length <= 200 && (
        <Button size="sm" variant="outline" asChild>
          <a href={`${base}/contact-exports?filter=${encodeURIComponent(JSON.stringify({ ids }))}`} download>
            {t("export")}
          </a>
        </Button>
      )}
      <Button
        size="sm"
        variant="destructive"
        disabled={busy}
        onClick={() => {
          if (window.confirm(t("confirmDelete", { count: ids.length }))) void run({ action: "delete" });
        }}
      >
        {t("delete")}
      </Button>
      {message && <span aria-live="polite">{message}</span>}
    </div>
  );
}
