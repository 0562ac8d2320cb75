"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { ConfirmDialog } from "@/components/shared/confirm-dialog";

type RemoveMemberButtonProps = { orgSlug: string; membershipId: string; name: string; email: string };

export function RemoveMemberButton({ orgSlug, membershipId, name, email }: RemoveMemberButtonProps) {
  const t = useTranslations("members");
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const mutation = useMutation({
    mutationFn: () => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/members/${membershipId}`, { method: "DELETE" }),
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
      triggerLabel={t("remove")}
      title={t("removeTitle", { name })}
      description={t("removeDescription", { name, email })}
      confirmLabel={t("remove")}
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() => mutation.mutate()}
    />
  );
}
