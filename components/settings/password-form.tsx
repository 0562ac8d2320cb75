"use client";

import * as React from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";

import { SavedMessage } from "./saved-message";

const FIELDS = ["currentPassword", "newPassword"] as const;

/** Changes the password; the server signs out every other session of the person (lib/users/change-password.ts). */
export function PasswordForm() {
  const t = useTranslations("profile");
  const form = React.useRef<HTMLFormElement>(null);
  const mutation = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => apiFetch("/api/v1/me/password", { method: "POST", body: input }),
    onSuccess: () => form.current?.reset(),
  });
  const errors = fieldErrorsFrom(mutation.error);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    mutation.mutate({ currentPassword: String(data.get("currentPassword") ?? ""), newPassword: String(data.get("newPassword") ?? "") });
  }

  return (
    <form ref={form} onSubmit={onSubmit} className="grid max-w-md gap-5" noValidate onChange={() => mutation.isSuccess && mutation.reset()}>
      <TextField
        id="currentPassword"
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        error={errors.currentPassword}
        required
      />
      <TextField
        id="newPassword"
        name="newPassword"
        type="password"
        label={t("newPassword")}
        autoComplete="new-password"
        hint={t("newPasswordHint")}
        error={errors.newPassword}
        required
      />
      <FormError error={mutation.error} fields={FIELDS} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={mutation.isPending}>
          {t("changePassword")}
        </Button>
        {mutation.isSuccess && <SavedMessage>{t("passwordChanged")}</SavedMessage>}
      </div>
    </form>
  );
}
