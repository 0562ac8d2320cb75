import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import type { FlowView } from "@/lib/flows/store/flow-view";

export function FlowStatusBadge({ status, version }: { status: FlowView["status"]; version: number | null }) {
  const t = useTranslations("flows.statuses");
  return (
    <Badge variant={status === "active" ? "default" : "secondary"}>
      {t(status)}
      {version ? ` · v${version}` : ""}
    </Badge>
  );
}
