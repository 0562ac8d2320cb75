"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { FieldError } from "@/components/ui/field-error";
import { NativeSelect } from "@/components/ui/select";
import type { Role } from "@/db/schema";

type MemberRoleSelectProps = {
  orgSlug: string;
  membershipId: string;
  memberName: string;
  role: Role;
  options: Role[];
};

/** Changes a member's role as soon as another one is picked. */
export function MemberRoleSelect({ orgSlug, membershipId, memberName, role, options }: MemberRoleSelectProps) {
  const t = useTranslations();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const mutation = useMutation({
    mutationFn: (next: Role) =>
      apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/members/${membershipId}`, { method: "PATCH", body: { role: next } }),
    onSuccess: () => router.refresh(),
  });
  const id = `role-${membershipId}`;
  const choices = options.includes(role) ? options : [role, ...options];
  // While saving, show the role being saved; after a failure, snap back to the stored one.
  const value = mutation.isPending && mutation.variables ? mutation.variables : role;

  return (
    <div className="grid max-w-44 gap-1">
      <NativeSelect
        id={id}
        aria-label={t("members.roleFor", { name: memberName })}
        aria-invalid={mutation.isError || undefined}
        aria-describedby={mutation.isError ? `${id}-error` : undefined}
        className="h-8"
        value={value}
        disabled={mutation.isPending}
        onChange={(event) => mutation.mutate(event.target.value as Role)}
      >
        {choices.map((option) => (
          <option key={option} value={option} disabled={!options.includes(option)}>
            {t(`roles.${option}`)}
          </option>
        ))}
      </NativeSelect>
      <FieldError id={`${id}-error`} message={errorMessage(mutation.error)} className="text-xs whitespace-normal" />
    </div>
  );
}
