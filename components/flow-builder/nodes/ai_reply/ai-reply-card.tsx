import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";
import { preview } from "../node-editor";

export function AiReplyCard({ data }: { data: NodeDataOf<"ai_reply"> }) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-1">
      <p className="whitespace-pre-wrap">{data.prompt ? preview(data.prompt) : <span className="text-muted-foreground">{t("aiReply.empty")}</span>}</p>
      {data.variable && <p className="text-xs text-muted-foreground">→ {`{{${data.variable}}}`}</p>}
    </div>
  );
}
