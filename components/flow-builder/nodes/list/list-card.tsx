import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";
import { preview } from "../node-editor";

export function ListCard({ data }: { data: NodeDataOf<"list"> }) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-1">
      <p className="whitespace-pre-wrap">{data.body ? preview(data.body) : <span className="text-muted-foreground">{t("list.empty")}</span>}</p>
      <p className="text-xs text-muted-foreground">☰ {data.button}</p>
    </div>
  );
}
