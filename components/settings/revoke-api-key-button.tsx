"use client";

import { useTranslations } from "next-intl";

import { ConfirmAction } from "@/components/shared/confirm-action";

type RevokeApiKeyButtonProps = { orgSlug: string; apiKeyId: string; name: string };

export function RevokeApiKeyButton({ orgSlug, apiKeyId, name }: RevokeApiKeyButtonProps) {
  const t = useTranslations("apiKeys");
  return (
    <ConfirmAction
      path={`/api/v1/orgs/${encodeURIComponent(orgSlug)}/api-keys/${apiKeyId}`}
      triggerLabel={t("revoke")}
      title={t("revokeTitle", { name })}
      description={t("revokeDescription")}
      confirmLabel={t("revoke")}
    />
  );
}
