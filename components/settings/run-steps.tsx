import { useTranslations } from "next-intl";

import { DateTime } from "@/components/shared/date-time";
import { Badge } from "@/components/ui/badge";
import type { RunStep } from "@/lib/runs/run-view";

import { JsonBlock } from "./json-block";
import { RunDuration } from "./run-duration";

/** A run's memoized steps in order: name, ok/error, timing, and the output or error the code saw. */
export function RunSteps({ steps }: { steps: RunStep[] }) {
  const t = useTranslations("runs.detail");
  if (steps.length === 0) return <p className="text-sm text-muted-foreground">{t("noSteps")}</p>;
  return (
    <ol className="grid gap-4">
      {steps.map((step, index) => (
        <li key={step.id} className="grid gap-2 rounded-lg border p-4" aria-label={step.name ?? t("unnamedStep", { id: step.id.slice(0, 8) })}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="text-xs text-muted-foreground tabular-nums">{index + 1}.</span>
            <h3 className="font-medium">
              {step.name ?? <span className="text-muted-foreground">{t("unnamedStep", { id: step.id.slice(0, 8) })}</span>}
            </h3>
            <Badge variant={step.status === "error" ? "destructive" : "secondary"}>{step.status === "error" ? t("stepError") : t("stepOk")}</Badge>
            <span className="text-xs text-muted-foreground">
              <DateTime value={step.startedAt ?? step.storedAt} /> · <RunDuration ms={step.durationMs} />
            </span>
          </div>
          <JsonBlock value={step.status === "error" ? step.error : step.output} label={step.status === "error" ? t("error") : t("output")} />
        </li>
      ))}
    </ol>
  );
}
