import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";

export function SendTemplateCard({ data }: { data: NodeDataOf<"send_template"> }) {
  const t = useTranslations("flowEditor");
  return <p className="font-mono text-xs">{data.name ? `${data.name} (${data.language})` : <span className="font-sans text-muted-foreground">{t("sendTemplate.empty")}</span>}</p>;
}
