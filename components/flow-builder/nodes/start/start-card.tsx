import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";

export function StartCard({ data }: { data: NodeDataOf<"start"> }) {
  const t = useTranslations("flowEditor");
  if (data.triggers.length === 0) return <p className="text-muted-foreground">{t("start.noTriggers")}</p>;
  return (
    <ul className="grid gap-0.5">
      {data.triggers.map((trigger, i) => (
        <li key={i}>
          {t(`start.kinds.${trigger.kind}`)}
          {trigger.kind === "keyword" && trigger.keywords.length > 0 && `: ${trigger.keywords.join(", ")}`}
        </li>
      ))}
    </ul>
  );
}
