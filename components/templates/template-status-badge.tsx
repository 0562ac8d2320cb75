import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

const KNOWN = ["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED", "IN_APPEAL", "PENDING_DELETION", "DELETED", "LIMIT_EXCEEDED"] as const;
const dot: Record<string, string> = { APPROVED: "bg-success", PENDING: "bg-amber-500", IN_APPEAL: "bg-amber-500", REJECTED: "bg-destructive", DISABLED: "bg-destructive" };

/** Meta's review status of a template; only APPROVED ones can be sent. Unknown statuses show as Meta wrote them. */
export function TemplateStatusBadge({ status }: { status: string }) {
  const t = useTranslations("templates.statuses");
  const known = (KNOWN as readonly string[]).includes(status);
  return (
    <Badge variant="outline" className="gap-1.5" data-status={status}>
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", dot[status] ?? "bg-muted-foreground")} />
      {known ? t(status as (typeof KNOWN)[number]) : status}
    </Badge>
  );
}
