"use client";

import * as React from "react";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ContactFilter, ContactsContext } from "./types";

type Condition = NonNullable<ContactFilter["fields"]>[number];
const ops = ["eq", "neq", "contains", "gt", "lt", "exists", "not_exists"] as const;
const selectClass = "h-9 rounded-md border border-input bg-transparent px-2 text-sm";

/** The filter panel: every part of the shared filter the page offers, plus "Save as segment". */
export function ContactFilterPanel({
  ctx,
  filter,
  onChange,
  onSaveSegment,
}: {
  ctx: ContactsContext;
  filter: ContactFilter;
  onChange: (f: ContactFilter) => void;
  onSaveSegment: ((name: string) => Promise<void>) | null;
}) {
  const t = useTranslations("contactsList.filter");
  const tc = useTranslations("contactsList.consent");
  const [segmentName, setSegmentName] = React.useState("");
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const set = (patch: Partial<ContactFilter>) => onChange(clean({ ...filter, ...patch }));
  const toggle = <T,>(list: T[] | undefined, value: T, on: boolean) => (on ? [...(list ?? []), value] : (list ?? []).filter((v) => v !== value));
  const conditions = filter.fields ?? [];
  const setCondition = (i: number, patch: Partial<Condition>) => set({ fields: conditions.map((c, j) => (j === i ? ({ ...c, ...patch } as Condition) : c)) });

  return (
    <section aria-label={t("title")} className="grid gap-4 rounded-md border p-4 md:grid-cols-2 xl:grid-cols-4">
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("consent")}</legend>
        {(["opted_in", "opted_out", "unknown"] as const).map((v) => (
          <label key={v} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={filter.consent?.includes(v) ?? false} onChange={(e) => set({ consent: toggle(filter.consent, v, e.target.checked) })} />
            {tc(v)}
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("tags")}</legend>
        {ctx.tags.length === 0 && <p className="text-sm text-muted-foreground">{t("noTags")}</p>}
        <div className="max-h-28 overflow-auto">
          {ctx.tags.map((tag) => (
            <label key={tag.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={filter.tagIds?.includes(tag.id) ?? false} onChange={(e) => set({ tagIds: toggle(filter.tagIds, tag.id, e.target.checked) })} />
              {tag.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-2">
        <label className="block text-sm font-medium">
          {t("stage")}
          <select className={`${selectClass} mt-1 w-full`} value={filter.stageIds?.[0] ?? ""} onChange={(e) => set({ stageIds: e.target.value ? [e.target.value] : undefined })}>
            <option value="">{t("any")}</option>
            {ctx.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("channel")}
          <select className={`${selectClass} mt-1 w-full`} value={filter.channelIds?.[0] ?? ""} onChange={(e) => set({ channelIds: e.target.value ? [e.target.value] : undefined })}>
            <option value="">{t("any")}</option>
            {ctx.channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <label className="text-sm font-medium">
          {t("createdFrom")}
          <Input type="date" className="mt-1" value={filter.createdFrom ?? ""} onChange={(e) => set({ createdFrom: e.target.value || undefined })} />
        </label>
        <label className="text-sm font-medium">
          {t("createdTo")}
          <Input type="date" className="mt-1" value={filter.createdTo ?? ""} onChange={(e) => set({ createdTo: e.target.value || undefined })} />
        </label>
      </div>
      <fieldset className="space-y-2 md:col-span-2 xl:col-span-4">
        <legend className="text-sm font-medium">{t("fields")}</legend>
        {conditions.map((c, i) => (
          <div key={i} className="flex flex-wrap items-center gap-2" data-testid="field-condition">
            <select aria-label={t("field")} className={selectClass} value={c.key} onChange={(e) => setCondition(i, { key: e.target.value })}>
              {ctx.fields.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label}
                </option>
              ))}
            </select>
            <select aria-label={t("operator")} className={selectClass} value={c.op} onChange={(e) => setCondition(i, { op: e.target.value as Condition["op"] })}>
              {ops.map((op) => (
                <option key={op} value={op}>
                  {t(`ops.${op}`)}
                </option>
              ))}
            </select>
            {c.op !== "exists" && c.op !== "not_exists" && (
              <Input
                aria-label={t("value")}
                className="w-48"
                value={c.value === undefined ? "" : String(c.value)}
                onChange={(e) => {
                  const field = ctx.fields.find((f) => f.key === c.key);
                  const raw = e.target.value;
                  setCondition(i, { value: field?.type === "number" && raw !== "" && !Number.isNaN(Number(raw)) ? Number(raw) : raw });
                }}
              />
            )}
            <Button type="button" variant="ghost" size="sm" onClick={() => set({ fields: conditions.filter((_, j) => j !== i) })}>
              {t("remove")}
            </Button>
          </div>
        ))}
        {ctx.fields.length > 0 ? (
          <Button type="button" variant="outline" size="sm" onClick={() => set({ fields: [...conditions, { key: ctx.fields[0].key, op: "eq", value: "" }] })}>
            {t("addCondition")}
          </Button>
        ) : (
          <p className="text-sm text-muted-foreground">{t("noFields")}</p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-end gap-2 md:col-span-2 xl:col-span-4">
        <Button type="button" variant="ghost" size="sm" onClick={() => onChange(filter.q ? { q: filter.q } : {})}>
          {t("clear")}
        </Button>
        {onSaveSegment && (
          <form
            className="flex flex-wrap items-center gap-2"
            onSubmit={async (e) => {
              e.preventDefault();
              setSaving(true);
              setError(null);
              try {
                await onSaveSegment(segmentName);
                setSegmentName("");
              } catch (err) {
                setError(err instanceof Error ? err.message : String(err));
              } finally {
                setSaving(false);
              }
            }}
          >
            <Input aria-label={t("segmentName")} placeholder={t("segmentName")} className="w-56" value={segmentName} onChange={(e) => setSegmentName(e.target.value)} required maxLength={80} />
            <Button type="submit" size="sm" disabled={saving || !segmentName.trim()}>
              {t("saveSegment")}
            </Button>
            {error && (
              <p role="alert" className="text-sm text-destructive">
                {error}
              </p>
            )}
          </form>
        )}
      </div>
    </section>
  );
}

/** Drops empty parts, so the filter sent (and saved) says only what was chosen. */
function clean(f: ContactFilter): ContactFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as ContactFilter;
}
