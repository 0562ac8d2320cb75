"use client";

import { useTranslations } from "next-intl";

import { ConfirmAction } from "@/components/shared/confirm-action";

type RemoveMemberButtonProps = { orgSlug: string; membershipId: string; name: string; email: string };

export function RemoveMemberButton({ orgSlug, membershipId, name, email }: RemoveMemberButtonProps) {
  const t = useTranslations("members");
  return (
    <ConfirmAction
      path={`/api/v1/orgs/${encodeURIComponent(orgSlug)}/members/${membershipId}`}
      triggerLabel={t("remove")}
      title={t("removeTitle", { name })}
      description={t("removeDescription", { name, email })}
      confirmLabel={t("remove")}
    />
  );
}
