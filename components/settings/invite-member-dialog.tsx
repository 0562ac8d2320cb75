"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { UserPlusIcon } from "lucide-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { FormError } from "@/components/forms/form-error";
import { DialogFormFooter } from "@/components/forms/dialog-form-footer";
import { RoleField } from "@/components/forms/role-field";
import { TextField } from "@/components/forms/text-field";
import { CopyableValue } from "@/components/shared/copyable-value";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import type { Role } from "@/db/schema";

const FIELDS = ["email", "role"] as const;

type InviteResponse = { invitation: { id: string; email: string; role: Role }; url: string };

type InviteMemberDialogProps = { orgSlug: string; roles: Role[] };

/**
 * Creates an invitation and shows its link: Papo has no mail server, so the inviter passes the link on.
 */
export function InviteMemberDialog({ orgSlug, roles }: InviteMemberDialogProps) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const mutation = useMutation({
    mutationFn: (input: { email: string; role: Role }) =>
      apiFetch<InviteResponse>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/invitations`, { method: "POST", body: input }),
    onSuccess: () => router.refresh(),
  });
  const errors = fieldErrorsFrom(mutation.error);
  const defaultRole: Role = roles.includes("agent") ? "agent" : (roles[roles.length - 1] ?? "viewer");
  const [role, setRole] = React.useState<Role>(defaultRole);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      mutation.reset();
      setRole(defaultRole);
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    mutation.mutate({ email: String(data.get("email") ?? ""), role });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button">
          <UserPlusIcon aria-hidden="true" />
          {t("members.invite.trigger")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        {mutation.data ? (
          <>
            <DialogHeader>
              <DialogTitle>{t("members.invite.createdTitle")}</DialogTitle>
              <DialogDescription>
                {t("members.invite.createdDescription", { email: mutation.data.invitation.email })}
              </DialogDescription>
            </DialogHeader>
            <div className="grid gap-2">
              <span className="text-sm font-medium">{t("members.invite.link")}</span>
              <CopyableValue value={mutation.data.url} copyLabel={t("members.invite.copyLink")} testId="invitation-url" />
            </div>
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button">{t("common.done")}</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} className="grid gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{t("members.invite.title")}</DialogTitle>
              <DialogDescription>{t("members.invite.description")}</DialogDescription>
            </DialogHeader>
            <TextField
              id="invite-email"
              name="email"
              type="email"
              label={t("members.invite.email")}
              autoComplete="off"
              error={errors.email}
              required
            />
            <RoleField
              id="invite-role"
              label={t("members.invite.role")}
              value={role}
              onChange={setRole}
              roles={roles}
              error={errors.role}
            />
            <FormError error={mutation.error} fields={FIELDS} />
            <DialogFormFooter
              pending={mutation.isPending}
              submitLabel={t("members.invite.submit")}
              pendingLabel={t("members.invite.submitting")}
            />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
