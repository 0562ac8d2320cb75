import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";
import { preview } from "../node-editor";

export function HttpRequestCard({ data }: { data: NodeDataOf<"http_request"> }) {
  const t = useTranslations("flowEditor");
  return (
    <p className="font-mono text-xs break-all">
      {data.method} {data.url ? preview(data.url, 60) : <span className="text-muted-foreground">{t("httpRequest.empty")}</span>}
    </p>
  );
}
