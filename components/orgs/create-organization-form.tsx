"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { rememberOrgSlug } from "@/components/shell/org-cookie";
import { Button } from "@/components/ui/button";

const FIELDS = ["name"] as const;

/** Creates an organization owned by the signed-in person and opens it. */
export function CreateOrganizationForm() {
  const t = useTranslations("orgs.new");
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (name: string) =>
      apiFetch<{ organization: { slug: string } }>("/api/v1/orgs", { method: "POST", body: { name } }),
    onSuccess: ({ organization }) => {
      rememberOrgSlug(organization.slug);
      router.push(`/${organization.slug}`);
    },
  });
  const errors = fieldErrorsFrom(mutation.error);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate(String(new FormData(event.currentTarget).get("name") ?? ""));
  }

  const busy = mutation.isPending || mutation.isSuccess;
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <TextField id="name" name="name" label={t("name")} autoComplete="organization" error={errors.name} required autoFocus />
      <FormError error={mutation.error} fields={FIELDS} />
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
