"use client";

import { useTranslations } from "next-intl";

import { ConfirmAction } from "@/components/shared/confirm-action";

type RevokeInvitationButtonProps = { orgSlug: string; invitationId: string; email: string };

export function RevokeInvitationButton({ orgSlug, invitationId, email }: RevokeInvitationButtonProps) {
  const t = useTranslations("members.pending");
  return (
    <ConfirmAction
      path={`/api/v1/orgs/${encodeURIComponent(orgSlug)}/invitations/${invitationId}`}
      triggerLabel={t("revoke")}
      title={t("revokeTitle", { email })}
      description={t("revokeDescription")}
      confirmLabel={t("revoke")}
    />
  );
}
