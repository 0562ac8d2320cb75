"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { Trash2Icon } from "lucide-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { ConfirmDialog } from "@/components/shared/confirm-dialog";

type DeleteChannelButtonProps = { orgSlug: string; channelId: string; name: string; number: string };

export function DeleteChannelButton({ orgSlug, channelId, name, number }: DeleteChannelButtonProps) {
  const t = useTranslations("channels.detail");
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const mutation = useMutation({
    mutationFn: () => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/channels/${channelId}`, { method: "DELETE" }),
    onSuccess: () => {
      router.push(`/${orgSlug}/settings/channels`);
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
      triggerLabel={t("delete")}
      triggerVariant="destructive"
      triggerSize="default"
      triggerIcon={<Trash2Icon aria-hidden="true" />}
      title={t("deleteTitle", { name })}
      description={t("deleteDescription", { number })}
      confirmLabel={t("delete")}
      pending={mutation.isPending || mutation.isSuccess}
      error={mutation.error}
      onConfirm={() => mutation.mutate()}
    />
  );
}
