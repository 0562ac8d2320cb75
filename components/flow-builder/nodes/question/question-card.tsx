import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";
import { preview } from "../node-editor";

export function QuestionCard({ data }: { data: NodeDataOf<"question"> }) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-1">
      <p className="whitespace-pre-wrap">{data.prompt ? preview(data.prompt) : <span className="text-muted-foreground">{t("question.empty")}</span>}</p>
      <p className="text-xs text-muted-foreground">
        {t(`question.kinds.${data.kind}`)}
        {data.variable && ` → {{${data.variable}}}`}
      </p>
    </div>
  );
}
