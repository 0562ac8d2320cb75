import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { RunStatus } from "@/lib/runs/run-view";

const dot: Record<RunStatus, string> = {
  running: "bg-primary animate-pulse",
  completed: "bg-success",
  failed: "bg-destructive",
  cancelled: "bg-muted-foreground",
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const t = useTranslations("runs.statuses");
  return (
    <Badge variant="outline" className="gap-1.5">
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", dot[status])} />
      {t(status)}
    </Badge>
  );
}
