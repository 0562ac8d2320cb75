"use client";

import * as React from "react";
import { signIn } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";

const FIELDS = ["name", "email", "password"] as const;

type InviteSignUpFormProps = { token: string; email: string };

/** Creates an account for the invited address, which joins the organization in the same step. */
export function InviteSignUpForm({ token, email }: InviteSignUpFormProps) {
  const t = useTranslations("auth");
  const mutation = useMutation({
    mutationFn: async (input: { name: string; password: string }) => {
      const { organization } = await apiFetch<{ organization: { slug: string } }>("/api/v1/signup", {
        method: "POST",
        body: { ...input, email, invitationToken: token },
      });
      const result = await signIn("credentials", { email, password: input.password, redirect: false });
      return result?.ok && !result.error ? `/${organization.slug}` : "/sign-in";
    },
    // A full page load, so the new session (and the person's saved language) apply everywhere at once.
    onSuccess: (target) => window.location.assign(target),
  });
  const errors = fieldErrorsFrom(mutation.error);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    mutation.mutate({ name: String(data.get("name") ?? ""), password: String(data.get("password") ?? "") });
  }

  const busy = mutation.isPending || mutation.isSuccess;
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <TextField id="name" name="name" label={t("signUp.name")} autoComplete="name" error={errors.name} required autoFocus />
      <TextField id="email" type="email" label={t("signUp.email")} value={email} readOnly error={errors.email} className="[&_input]:bg-muted" />
      <TextField
        id="password"
        name="password"
        type="password"
        label={t("signUp.password")}
        autoComplete="new-password"
        hint={t("signUp.passwordHint")}
        error={errors.password}
        required
      />
      <FormError error={mutation.error} fields={FIELDS} />
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? t("signUp.submitting") : t("signUp.submit")}
      </Button>
    </form>
  );
}
