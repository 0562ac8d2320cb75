import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";

export function JumpToFlowCard({ data }: { data: NodeDataOf<"jump_to_flow"> }) {
  const t = useTranslations("flowEditor");
  return <p className="text-muted-foreground">{data.flowId ? t("jumpToFlow.summary") : t("jumpToFlow.empty")}</p>;
}
