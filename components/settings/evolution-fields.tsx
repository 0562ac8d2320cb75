"use client";

import { TriangleAlertIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import type { FieldErrors } from "@/components/api/field-errors";
import { TextField } from "@/components/forms/text-field";

/** The Evolution API server, key and instance for "Add number"; the API key is write-only, stored encrypted. */
export function EvolutionFields({ errors }: { errors: FieldErrors }) {
  const t = useTranslations("channels.evolution.form");
  return (
    <fieldset className="grid gap-4 rounded-lg border p-4">
      <legend className="px-1 text-sm font-semibold">{t("title")}</legend>
      <p role="note" className="-mt-1 flex items-start gap-2 text-sm text-muted-foreground">
        <TriangleAlertIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        {t("riskNote")}
      </p>
      <TextField id="baseUrl" name="baseUrl" type="url" label={t("baseUrl")} hint={t("baseUrlHint")} placeholder="https://evolution.example.com" autoComplete="off" error={errors.baseUrl} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="apiKey" name="apiKey" type="password" label={t("apiKey")} hint={t("apiKeyHint")} autoComplete="off" error={errors.apiKey} required />
        <TextField id="instanceName" name="instanceName" label={t("instanceName")} hint={t("instanceNameHint")} autoComplete="off" error={errors.instanceName} required />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="allowGroups" className="mt-0.5 size-4" />
        <span>{t("allowGroups")}</span>
      </label>
    </fieldset>
  );
}
