"use client";

import * as React from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";

import { ApiError } from "@/components/api/api-fetch";
import { apiFetch } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import type { CustomFieldOption, Option } from "./types";
import { useImportProgress, type ImportState } from "./use-import-progress";

type Uploaded = { import: ImportState & { encoding: string; delimiter: string }; headers: string[]; preview: string[][]; suggestedMapping: Record<string, string> };
const selectClass = "h-9 rounded-md border border-input bg-transparent px-2 text-sm";
const baseTargets = ["phone", "name", "email", "consent", "tags"] as const;

/** Upload → mapping with a preview → live progress → failed rows to download. */
export function ContactImportApp({ slug, channels, fields, tags }: { slug: string; channels: Option[]; fields: CustomFieldOption[]; tags: Option[] }) {
  const t = useTranslations("contactImport");
  const base = `/api/v1/orgs/${slug}`;
  const [channelId, setChannelId] = React.useState(channels[0]?.id ?? "");
  const [file, setFile] = React.useState<File | null>(null);
  const [uploaded, setUploaded] = React.useState<Uploaded | null>(null);
  const [mapping, setMapping] = React.useState<Record<string, string>>({});
  const [duplicates, setDuplicates] = React.useState<"skip" | "fill" | "overwrite">("fill");
  const [tagIds, setTagIds] = React.useState<string[]>([]);
  const [started, setStarted] = React.useState<{ state: ImportState; reused: boolean } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  const upload = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.set("channelId", channelId);
      form.set("file", file);
      const res = await fetch(`${base}/contact-imports`, { method: "POST", body: form, credentials: "same-origin" });
      const body = await res.json();
      if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? "error", body?.error?.message ?? res.statusText);
      setUploaded(body as Uploaded);
      setMapping((body as Uploaded).suggestedMapping);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    if (!uploaded) return;
    if (Object.values(mapping).filter((v) => v === "phone").length !== 1) return setError(t("needPhone"));
    setBusy(true);
    setError(null);
    try {
      const res = await apiFetch<{ import: ImportState; reused: boolean }>(`${base}/contact-imports/${uploaded.import.id}/start`, { method: "POST", body: { mapping, duplicates, tagIds } });
      setStarted({ state: res.import, reused: res.reused });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mx-auto w-full max-w-5xl space-y-6 px-4 py-6 md:px-8">
      <div className="space-y-1">
        <Link href={`/${slug}/contacts`} className="text-sm text-muted-foreground hover:underline">
          ← {t("back")}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      {error && (
        <p role="alert" className="rounded-md border border-destructive/50 p-3 text-sm text-destructive">
          {error}
        </p>
      )}
      {!uploaded && (
        <form onSubmit={upload} className="grid gap-4 rounded-md border p-4 sm:grid-cols-2">
          <label className="text-sm font-medium">
            {t("channel")}
            <select className={`${selectClass} mt-1 w-full`} value={channelId} onChange={(e) => setChannelId(e.target.value)} required>
              {channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            {t("file")}
            <input type="file" accept=".csv,text/csv" className="mt-1 block w-full text-sm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />
          </label>
          <div className="sm:col-span-2">
            <Button type="submit" disabled={busy || !file || !channelId}>
              {t("upload")}
            </Button>
          </div>
        </form>
      )}
      {uploaded && !started && (
        <section className="space-y-4" aria-label={t("mapping")}>
          <p className="text-sm" data-testid="import-detected">
            {t("detected", { delimiter: uploaded.import.delimiter === ";" ? "“;”" : "“,”", encoding: uploaded.import.encoding.toUpperCase(), rows: uploaded.import.totalRows })}
          </p>
          <div className="overflow-x-auto rounded-md border">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b">
                  {uploaded.headers.map((h, i) => (
                    <th key={i} className="min-w-40 p-2 text-left align-top font-medium">
                      <div className="mb-1 truncate">{h}</div>
                      <select aria-label={t("mapTo", { column: h })} className={`${selectClass} w-full`} value={mapping[String(i)] ?? "ignore"} onChange={(e) => setMapping((m) => ({ ...m, [String(i)]: e.target.value }))}>
                        <option value="ignore">{t("ignore")}</option>
                        {baseTargets.map((target) => (
                          <option key={target} value={target}>
                            {t(`targets.${target}`)}
                          </option>
                        ))}
                        {fields.map((f) => (
                          <option key={f.key} value={`field:${f.key}`}>
                            {f.label}
                          </option>
                        ))}
                      </select>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {uploaded.preview.map((row, r) => (
                  <tr key={r} className="border-b last:border-0">
                    {uploaded.headers.map((_, i) => (
                      <td key={i} className="max-w-48 truncate p-2 whitespace-pre-line">
                        {row[i] ?? ""}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <label className="text-sm font-medium">
              {t("duplicates")}
              <select className={`${selectClass} mt-1 w-full`} value={duplicates} onChange={(e) => setDuplicates(e.target.value as typeof duplicates)}>
                {(["skip", "fill", "overwrite"] as const).map((m) => (
                  <option key={m} value={m}>
                    {t(`duplicateModes.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            {tags.length > 0 && (
              <fieldset className="text-sm">
                <legend className="font-medium">{t("tags")}</legend>
                {tags.map((tag) => (
                  <label key={tag.id} className="mr-3 inline-flex items-center gap-1">
                    <input type="checkbox" checked={tagIds.includes(tag.id)} onChange={(e) => setTagIds((ids) => (e.target.checked ? [...ids, tag.id] : ids.filter((x) => x !== tag.id)))} />
                    {tag.name}
                  </label>
                ))}
              </fieldset>
            )}
          </div>
          <Button type="button" onClick={start} disabled={busy}>
            {t("start")}
          </Button>
        </section>
      )}
      {started && <ImportProgress key={started.state.id} slug={slug} initial={started.state} reused={started.reused} />}
    </div>
  );
}

function ImportProgress({ slug, initial, reused }: { slug: string; initial: ImportState; reused: boolean }) {
  const t = useTranslations("contactImport");
  const state = useImportProgress(slug, initial) ?? initial;
  const percent = state.totalRows ? Math.round((state.processedRows / state.totalRows) * 100) : 0;
  const finished = state.status === "completed" || state.status === "failed";
  return (
    <section className="space-y-3 rounded-md border p-4" aria-live="polite">
      {reused && <p className="text-sm">{t("reused")}</p>}
      <div className="flex items-center justify-between text-sm">
        <span data-testid="import-status">{t(`status.${state.status}`)}</span>
        <span>{t("progress", { processed: state.processedRows, total: state.totalRows })}</span>
      </div>
      <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full overflow-hidden rounded bg-muted">
        <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      {finished && (
        <p className="text-sm" data-testid="import-summary">
          {t("summary", { created: state.createdCount, updated: state.updatedCount, skipped: state.skippedCount, errors: state.errorCount })}
        </p>
      )}
      {state.failureReason && <p className="text-sm text-destructive">{state.failureReason}</p>}
      {finished && state.errorCount > 0 && (
        <Button asChild variant="outline" size="sm">
          <a href={`/api/v1/orgs/${slug}/contact-imports/${state.id}/errors`} download>
            {t("downloadErrors")}
          </a>
        </Button>
      )}
    </section>
  );
}
