import * as React from "react";

import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { cn } from "@/components/ui/cn";

export type SelectOption = { value: string; label: string };

type SelectFieldProps = Omit<React.ComponentProps<"select">, "id" | "children"> & {
  id: string;
  label: React.ReactNode;
  options: SelectOption[];
  hint?: React.ReactNode;
  error?: string | null;
  className?: string;
};

/** Label + native select + hint + inline error. */
export function SelectField({ id, label, options, hint, error, className, ...selectProps }: SelectFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("grid content-start gap-2", className)}>
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...selectProps}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
      <FieldError id={errorId} message={error} />
      {hint && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
    </div>
  );
}
