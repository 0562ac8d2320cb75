"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { ConfirmDialog } from "@/components/shared/confirm-dialog";

type RevokeInvitationButtonProps = { orgSlug: string; invitationId: string; email: string };

export function RevokeInvitationButton({ orgSlug, invitationId, email }: RevokeInvitationButtonProps) {
  const t = useTranslations("members.pending");
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const mutation = useMutation({
    mutationFn: () => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/invitations/${invitationId}`, { method: "DELETE" }),
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
      title={t("revokeTitle", { email })}
      description={t("revokeDescription")}
      confirmLabel={t("revoke")}
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() => mutation.mutate()}
    />
  );
}
