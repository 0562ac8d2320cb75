import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import type { FlowView } from "@/lib/flows/store/flow-view";

/** Status and live version; "draft differs from vN" when the draft holds changes that are not live yet. */
export function FlowStatusBadge({ status, version, draftDiffers = false }: { status: FlowView["status"]; version: number | null; draftDiffers?: boolean }) {
  const t = useTranslations("flows.statuses");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge variant={status === "active" ? "default" : "secondary"}>
        {t(status)}
        {version ? ` · v${version}` : ""}
      </Badge>
      {version && draftDiffers ? (
        <Badge variant="outline" data-testid="draft-differs" className="border-amber-400 text-amber-800 dark:text-amber-200">
          {t("draftDiffers", { version })}
        </Badge>
      ) : null}
    </span>
  );
}
