"use client";

import { useTranslations } from "next-intl";

import { ConfirmAction } from "@/components/shared/confirm-action";

export function CancelRunButton({ orgSlug, runId }: { orgSlug: string; runId: string }) {
  const t = useTranslations("runs.detail");
  return (
    <ConfirmAction
      path={`/api/v1/orgs/${encodeURIComponent(orgSlug)}/runs/${runId}/cancel`}
      method="POST"
      triggerLabel={t("cancel")}
      title={t("cancelTitle")}
      description={t("cancelDescription")}
      confirmLabel={t("cancel")}
    />
  );
}
