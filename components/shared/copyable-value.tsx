import * as React from "react";

import { cn } from "@/components/ui/cn";

import { CopyButton } from "./copy-button";

type CopyableValueProps = {
  value: string;
  copyLabel: string;
  /** For tests and scripts that read the value, e.g. "invitation-url". */
  testId?: string;
  className?: string;
};

/** A secret, link or id in monospace, with a copy button next to it. */
export function CopyableValue({ value, copyLabel, testId, className }: CopyableValueProps) {
  return (
    <div className={cn("flex items-start gap-2", className)}>
      <code
        data-testid={testId}
        className="min-w-0 flex-1 rounded-md border bg-muted px-3 py-2 font-mono text-sm break-all select-all"
      >
        {value}
      </code>
      <CopyButton value={value} label={copyLabel} className="mt-0.5" />
    </div>
  );
}
