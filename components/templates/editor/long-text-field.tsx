"use client";

import type * as React from "react";

import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

/** A textarea with label, hint, a character count against Meta's limit, and its lint message. */
export function LongTextField(props: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; error: string | null; max: number }) {
  const { id, label, hint, value, onChange, error, max } = props;
  const errorId = error ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="grid gap-2">
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        <span className={value.length > max ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>
          {value.length}/{max}
        </span>
      </div>
      <Textarea
        id={id}
        value={value}
        rows={5}
        // A long unbroken line (a PIX code) must wrap, not widen the page: the shared Textarea sizes to its content.
        style={{ fieldSizing: "fixed" } as React.CSSProperties}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldError id={errorId} message={error} />
      {hint && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
    </div>
  );
}
