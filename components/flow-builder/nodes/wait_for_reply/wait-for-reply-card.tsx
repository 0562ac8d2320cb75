import { useTranslations } from "next-intl";

import type { NodeDataOf } from "@/lib/flows/nodes/node-specs";

export function WaitForReplyCard({ data }: { data: NodeDataOf<"wait_for_reply"> }) {
  const t = useTranslations("flowEditor");
  return (
    <p>
      {t("waitForReply.summary", { minutes: data.timeoutMinutes })}
      {data.variable && ` → {{${data.variable}}}`}
    </p>
  );
}
