"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";

import { SavedMessage } from "./saved-message";

const FIELDS = ["name", "locale"] as const;

type ProfileFormProps = { name: string; email: string; locale: Locale | null };

/** Name and language. Saving refreshes the page so a new language applies at once. */
export function ProfileForm({ name, email, locale }: ProfileFormProps) {
  const t = useTranslations("profile");
  const tc = useTranslations("common");
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (input: { name: string; locale: Locale | null }) =>
      apiFetch("/api/v1/me", { method: "PATCH", body: input }),
    onSuccess: () => router.refresh(),
  });
  const errors = fieldErrorsFrom(mutation.error);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const chosen = String(data.get("locale") ?? "");
    mutation.mutate({
      name: String(data.get("name") ?? ""),
      locale: chosen === "en" || chosen === "pt-BR" ? chosen : null,
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid max-w-md gap-5" noValidate onChange={() => mutation.isSuccess && mutation.reset()}>
      <div className="grid gap-1">
        <span className="text-sm font-medium">{t("email")}</span>
        <span className="text-sm">{email}</span>
        <span className="text-xs text-muted-foreground">{t("emailHint")}</span>
      </div>
      <TextField id="name" name="name" label={t("name")} defaultValue={name} autoComplete="name" error={errors.name} required />
      <SelectField
        id="locale"
        name="locale"
        label={t("language")}
        defaultValue={locale ?? ""}
        hint={t("languageHint")}
        error={errors.locale}
        options={[
          { value: "", label: t("browserDefault") },
          { value: "en", label: t("english") },
          { value: "pt-BR", label: t("portuguese") },
        ]}
      />
      <FormError error={mutation.error} fields={FIELDS} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? tc("saving") : tc("save")}
        </Button>
        {mutation.isSuccess && <SavedMessage>{t("saved")}</SavedMessage>}
      </div>
    </form>
  );
}
