import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";
import { preview } from "../node-editor";

export function SetVariableCard({ data }: { data: NodeDataOf<"set_variable"> }) {
  const t = useTranslations("flowEditor");
  const lines = [
    ...data.assignments.filter((a) => a.name).map((a) => `${a.scope === "contact" ? "contact." : ""}${a.name} = ${preview(a.value, 30)}`),
    ...data.addTags.map((tag) => `+ #${tag}`),
    ...data.removeTags.map((tag) => `− #${tag}`),
  ];
  if (lines.length === 0) return <p className="text-muted-foreground">{t("setVariable.empty")}</p>;
  return (
    <ul className="grid gap-0.5 font-mono text-xs">
      {lines.slice(0, 4).map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}
