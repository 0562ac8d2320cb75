"use client";

import { Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";

import { ConfirmAction } from "@/components/shared/confirm-action";

type DeleteChannelButtonProps = { orgSlug: string; channelId: string; name: string; number: string };

export function DeleteChannelButton({ orgSlug, channelId, name, number }: DeleteChannelButtonProps) {
  const t = useTranslations("channels.detail");
  return (
    <ConfirmAction
      path={`/api/v1/orgs/${encodeURIComponent(orgSlug)}/channels/${channelId}`}
      redirectTo={`/${orgSlug}/settings/channels`}
      triggerLabel={t("delete")}
      triggerVariant="destructive"
      triggerSize="default"
      triggerIcon={<Trash2Icon aria-hidden="true" />}
      title={t("deleteTitle", { name })}
      description={t("deleteDescription", { number })}
      confirmLabel={t("delete")}
    />
  );
}
