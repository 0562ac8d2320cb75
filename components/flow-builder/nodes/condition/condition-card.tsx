import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";

export function ConditionCard({ data }: { data: NodeDataOf<"condition"> }) {
  const t = useTranslations("flowEditor");
  return <p className="text-muted-foreground">{t("condition.summary", { count: data.rules.length })}</p>;
}
