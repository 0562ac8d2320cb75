"use client";

import * as React from "react";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

/**
 * The small controlled inputs every node's settings panel is built from. Ids are derived from the node id and the
 * field name so labels stay attached (and tests can find a field by its label).
 */
type Base = { id: string; label: React.ReactNode; hint?: React.ReactNode };

export function TextSetting({ id, label, hint, value, onChange, placeholder, maxLength }: Base & { value: string; onChange: (v: string) => void; placeholder?: string; maxLength?: number }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} value={value} placeholder={placeholder} maxLength={maxLength} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
}

export function TextAreaSetting({ id, label, hint, value, onChange, placeholder }: Base & { value: string; onChange: (v: string) => void; placeholder?: string }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Textarea id={id} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
}

export function NumberSetting({ id, label, hint, value, onChange, min, max, step }: Base & { value: number; onChange: (v: number) => void; min?: number; max?: number; step?: number }) {
  // Keep what the person types (an empty box mid-edit) and hand back only numbers within range.
  const [text, setText] = React.useState(String(value));
  const [shown, setShown] = React.useState(value);
  if (shown !== value) {
    // The value changed from outside (undo, another field): show it (React's "adjust state while rendering").
    setShown(value);
    setText(String(value));
  }
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value !== "" && Number.isFinite(n) && (min === undefined || n >= min) && (max === undefined || n <= max)) {
            setShown(n);
            onChange(n);
          }
        }}
      />
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
}

export function SelectSetting<T extends string>({ id, label, hint, value, onChange, options }: Base & { value: T; onChange: (v: T) => void; options: { value: T; label: string }[] }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
}

export function CheckboxSetting({ id, label, checked, onChange }: { id: string; label: React.ReactNode; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="flex items-center gap-2">
      <input id={id} type="checkbox" className="size-4 accent-primary" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <Label htmlFor={id}>{label}</Label>
    </div>
  );
}

/** A list of items (buttons, rows, headers, rules…) with add/remove; `render` draws one item's inputs. */
export function ItemListSetting<T>({
  label,
  items,
  onChange,
  newItem,
  render,
  max,
  addLabel,
}: {
  label: React.ReactNode;
  items: T[];
  onChange: (items: T[]) => void;
  newItem: () => T;
  render: (item: T, update: (next: T) => void, index: number) => React.ReactNode;
  max?: number;
  addLabel: string;
}) {
  const t = useTranslations("flowEditor");
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      {items.map((item, i) => (
        <div key={i} className="flex items-start gap-2 rounded-md border p-2">
          <div className="grid flex-1 gap-2">{render(item, (next) => onChange(items.map((it, j) => (j === i ? next : it))), i)}</div>
          <Button type="button" variant="ghost" size="icon" aria-label={t("removeItem")} onClick={() => onChange(items.filter((_, j) => j !== i))}>
            <Trash2Icon aria-hidden="true" />
          </Button>
        </div>
      ))}
      <Button type="button" variant="outline" size="sm" disabled={max !== undefined && items.length >= max} onClick={() => onChange([...items, newItem()])}>
        <PlusIcon aria-hidden="true" />
        {addLabel}
      </Button>
    </fieldset>
  );
}

/** Short random ids for new items (buttons, rows, rules): they become handle ids, so never reuse a deleted one's. */
export function newItemId(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 8)}`;
}
