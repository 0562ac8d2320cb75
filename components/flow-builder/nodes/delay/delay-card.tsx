import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";

export function DelayCard({ data }: { data: NodeDataOf<"delay"> }) {
  const t = useTranslations("flowEditor");
  return <p>{t("delay.summary", { seconds: data.seconds })}</p>;
}
