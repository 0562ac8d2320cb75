"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { SavedMessage } from "@/components/settings/saved-message";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

const FIELDS = ["optOutKeywords", "optInKeywords", "optOutConfirmation", "optInConfirmation"] as const;

export type ConsentSettingsValues = { optOutKeywords: string[]; optInKeywords: string[]; optOutConfirmation: string; optInConfirmation: string };

type Props = { orgSlug: string; settings: ConsentSettingsValues; canManage: boolean };

/** Keywords are typed comma-separated; the server trims, deduplicates and refuses a word on both lists. */
const words = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(",")
    .map((w) => w.trim())
    .filter(Boolean);

/** Settings → Consent: the opt-out / opt-in keywords and the confirmations sent back; read-only without contacts.manage. */
export function ConsentSettingsForm({ orgSlug, settings, canManage }: Props) {
  const t = useTranslations("consentSettings");
  const tc = useTranslations("common");
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (input: ConsentSettingsValues) => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/consent-settings`, { method: "PUT", body: input }),
    onSuccess: () => router.refresh(),
  });
  const errors = fieldErrorsFrom(mutation.error);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    mutation.mutate({
      optOutKeywords: words(data.get("optOutKeywords")),
      optInKeywords: words(data.get("optInKeywords")),
      optOutConfirmation: String(data.get("optOutConfirmation") ?? ""),
      optInConfirmation: String(data.get("optInConfirmation") ?? ""),
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid max-w-2xl gap-5" noValidate onChange={() => mutation.isSuccess && mutation.reset()}>
      <TextField
        id="optOutKeywords"
        name="optOutKeywords"
        label={t("optOutKeywords")}
        defaultValue={settings.optOutKeywords.join(", ")}
        readOnly={!canManage}
        hint={t("keywordsHint")}
        error={errors.optOutKeywords}
      />
      <TextField
        id="optInKeywords"
        name="optInKeywords"
        label={t("optInKeywords")}
        defaultValue={settings.optInKeywords.join(", ")}
        readOnly={!canManage}
        hint={t("keywordsHint")}
        error={errors.optInKeywords}
      />
      <MessageField id="optOutConfirmation" label={t("optOutConfirmation")} value={settings.optOutConfirmation} readOnly={!canManage} error={errors.optOutConfirmation} />
      <MessageField id="optInConfirmation" label={t("optInConfirmation")} value={settings.optInConfirmation} readOnly={!canManage} error={errors.optInConfirmation} />
      {canManage && (
        <>
          <FormError error={mutation.error} fields={FIELDS} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? tc("saving") : tc("save")}
            </Button>
            {mutation.isSuccess && <SavedMessage>{t("saved")}</SavedMessage>}
          </div>
        </>
      )}
    </form>
  );
}

function MessageField({ id, label, value, readOnly, error }: { id: string; label: string; value: string; readOnly: boolean; error?: string }) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Textarea id={id} name={id} defaultValue={value} readOnly={readOnly} rows={3} maxLength={1024} aria-invalid={error ? true : undefined} aria-describedby={errorId} />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
