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
import type { AppointmentSettings } from "@/lib/appointments/appointment-settings";

const FIELDS = ["reminderOffsetsMinutes", "confirmationTemplate", "reminderTemplate", "rescheduleFlowId", "sendConfirmation"] as const;

type Props = { orgSlug: string; settings: AppointmentSettings; flows: { id: string; name: string }[] };

/** Reminder offsets (hours before, comma-separated), the two templates, the reschedule flow, confirm on create. */
export function AppointmentSettingsForm({ orgSlug, settings, flows }: Props) {
  const t = useTranslations("appointments.settings");
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/appointments/settings`, { method: "PUT", body }),
    onSuccess: () => router.refresh(),
  });
  const errors = fieldErrorsFrom(mutation.error);
  const [offsetsError, setOffsetsError] = React.useState<string | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (k: string) => String(form.get(k) ?? "").trim();
    const hours = text("offsets").split(/[,;\s]+/).filter(Boolean).map(Number);
    if (hours.some((h) => !Number.isFinite(h) || h <= 0)) {
      setOffsetsError(t("offsetsInvalid"));
      return;
    }
    setOffsetsError(null);
    const ref = (name: string, language: string) => (text(name) ? { name: text(name), language: text(language) || "en_US" } : null);
    mutation.mutate({
      reminderOffsetsMinutes: hours.map((h) => Math.round(h * 60)),
      confirmationTemplate: ref("confirmationName", "confirmationLanguage"),
      reminderTemplate: ref("reminderName", "reminderLanguage"),
      rescheduleFlowId: text("rescheduleFlowId") || null,
      sendConfirmation: form.get("sendConfirmation") === "on",
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid max-w-2xl gap-4" noValidate aria-label={t("title")}>
      <TextField
        id="appointment-offsets"
        name="offsets"
        label={t("offsets")}
        hint={t("offsetsHint")}
        defaultValue={settings.reminderOffsetsMinutes.map((m) => String(m / 60)).join(", ")}
        error={offsetsError ?? errors.reminderOffsetsMinutes}
      />
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <TextField id="appointment-confirmation-name" name="confirmationName" label={t("confirmationTemplate")} defaultValue={settings.confirmationTemplate.name} error={errors["confirmationTemplate.name"]} />
        <TextField id="appointment-confirmation-language" name="confirmationLanguage" label={t("language")} defaultValue={settings.confirmationTemplate.language} error={errors["confirmationTemplate.language"]} />
      </div>
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <TextField id="appointment-reminder-name" name="reminderName" label={t("reminderTemplate")} defaultValue={settings.reminderTemplate.name} error={errors["reminderTemplate.name"]} />
        <TextField id="appointment-reminder-language" name="reminderLanguage" label={t("language")} defaultValue={settings.reminderTemplate.language} error={errors["reminderTemplate.language"]} />
      </div>
      <SelectField
        id="appointment-reschedule-flow"
        name="rescheduleFlowId"
        label={t("rescheduleFlow")}
        hint={t("rescheduleFlowHint")}
        defaultValue={settings.rescheduleFlowId ?? ""}
        options={[{ value: "", label: t("noFlow") }, ...flows.map((f) => ({ value: f.id, label: f.name }))]}
        error={errors.rescheduleFlowId}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="sendConfirmation" defaultChecked={settings.sendConfirmation} className="size-4" />
        {t("sendConfirmation")}
      </label>
      <FormError error={mutation.error} fields={FIELDS} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t("saving") : t("save")}
        </Button>
        {mutation.isSuccess && <span className="text-sm text-muted-foreground">{t("saved")}</span>}
      </div>
    </form>
  );
}
