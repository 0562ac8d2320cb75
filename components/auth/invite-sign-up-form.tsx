"use client";

import * as React from "react";
import { signIn } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Signing in after sign-up failed: an existing account with another password (the API does not say which). */
class NotSignedIn extends Error {}

const FIELDS = ["name", "email", "password"] as const;

type InviteSignUpFormProps = { token: string; email: string };

/** Creates an account for the invited address, which joins the organization in the same step. */
export function InviteSignUpForm({ token, email }: InviteSignUpFormProps) {
  const t = useTranslations("auth");
  const mutation = useMutation({
    mutationFn: async (input: { name: string; password: string }) => {
      // The API answers the same for a new and an existing e-mail; signing in tells the person whether it worked.
      await apiFetch("/api/v1/signup", { method: "POST", body: { ...input, email, invitationToken: token } });
      const result = await signIn("credentials", { email, password: input.password, redirect: false });
      if (!result?.ok || result.error) throw new NotSignedIn();
      return "/";
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
      {mutation.error instanceof NotSignedIn ? (
        <Alert variant="destructive">
          <AlertDescription>{t("signUp.notSignedIn")}</AlertDescription>
        </Alert>
      ) : (
        <FormError error={mutation.error} fields={FIELDS} />
      )}
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? t("signUp.submitting") : t("signUp.submit")}
      </Button>
    </form>
  );
}
