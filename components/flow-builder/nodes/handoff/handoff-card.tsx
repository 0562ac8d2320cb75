import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";
import { preview } from "../node-editor";

export function HandoffCard({ data }: { data: NodeDataOf<"handoff"> }) {
  const t = useTranslations("flowEditor");
  return <p className="whitespace-pre-wrap">{data.message ? preview(data.message) : <span className="text-muted-foreground">{t("handoff.summary")}</span>}</p>;
}
