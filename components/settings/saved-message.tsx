import * as React from "react";
import { CheckCircle2Icon } from "lucide-react";

/** A quiet confirmation next to a form's Save button, announced to screen readers. */
export function SavedMessage({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="flex items-center gap-1.5 text-sm text-muted-foreground">
      <CheckCircle2Icon aria-hidden="true" className="size-4 text-success" />
      {children}
    </p>
  );
}
