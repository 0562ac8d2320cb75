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

import { SavedMessage } from "./saved-message";

const FIELDS = ["name", "timeZone"] as const;

type OrganizationFormProps = { slug: string; name: string; timeZone: string; timeZones: string[]; canUpdate: boolean };

/** Renames the organization and sets its time zone; read-only for members without org.update. */
export function OrganizationForm({ slug, name, timeZone, timeZones, canUpdate }: OrganizationFormProps) {
  const t = useTranslations("organization");
  const tc = useTranslations("common");
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (input: { name: string; timeZone: string }) =>
      apiFetch(`/api/v1/orgs/${encodeURIComponent(slug)}`, { method: "PATCH", body: input }),
    onSuccess: () => router.refresh(),
  });
  const errors = fieldErrorsFrom(mutation.error);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    mutation.mutate({ name: String(data.get("name") ?? ""), timeZone: String(data.get("timeZone") ?? "") });
  }

  return (
    <form onSubmit={onSubmit} className="grid max-w-md gap-5" noValidate onChange={() => mutation.isSuccess && mutation.reset()}>
      <TextField
        id="name"
        name="name"
        label={t("name")}
        defaultValue={name}
        autoComplete="organization"
        readOnly={!canUpdate}
        hint={canUpdate ? undefined : t("readOnly")}
        error={errors.name}
        required
      />
      <SelectField
        id="timeZone"
        name="timeZone"
        label={t("timeZone")}
        defaultValue={timeZone}
        disabled={!canUpdate}
        hint={t("timeZoneHint")}
        error={errors.timeZone}
        options={timeZones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
      />
      {canUpdate && (
        <>
          <FormError error={mutation.error} fields={FIELDS} />
          <div className="flex items-center gap-3">
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
