import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";
import { preview } from "../node-editor";

export function ButtonsCard({ data }: { data: NodeDataOf<"buttons"> }) {
  const t = useTranslations("flowEditor");
  return <p className="whitespace-pre-wrap">{data.body ? preview(data.body) : <span className="text-muted-foreground">{t("buttons.empty")}</span>}</p>;
}
