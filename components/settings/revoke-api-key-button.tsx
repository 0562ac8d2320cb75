"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { ConfirmDialog } from "@/components/shared/confirm-dialog";

type RevokeApiKeyButtonProps = { orgSlug: string; apiKeyId: string; name: string };

export function RevokeApiKeyButton({ orgSlug, apiKeyId, name }: RevokeApiKeyButtonProps) {
  const t = useTranslations("apiKeys");
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const mutation = useMutation({
    mutationFn: () => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/api-keys/${apiKeyId}`, { method: "DELETE" }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) mutation.reset();
      }}
      triggerLabel={t("revoke")}
      title={t("revokeTitle", { name })}
      description={t("revokeDescription")}
      confirmLabel={t("revoke")}
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() => mutation.mutate()}
    />
  );
}
