import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";
import { preview } from "../node-editor";

export function SendMessageCard({ data }: { data: NodeDataOf<"send_message"> }) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-1">
      {data.media && <p className="text-xs text-muted-foreground">{t(`sendMessage.kinds.${data.media.kind}`)}</p>}
      <p className="whitespace-pre-wrap">{data.text ? preview(data.text) : <span className="text-muted-foreground">{t("sendMessage.empty")}</span>}</p>
    </div>
  );
}
