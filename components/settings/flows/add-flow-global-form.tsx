"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";

const FIELDS = ["name", "value"] as const;

/** Adds a global: a name usable as {{globals.name}} and its value. */
export function AddFlowGlobalForm({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("flowSettings");
  const router = useRouter();
  const formRef = React.useRef<HTMLFormElement>(null);
  const mutation = useMutation({
    mutationFn: (body: { name: string; value: string }) => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/flow-globals`, { method: "POST", body }),
    onSuccess: () => {
      formRef.current?.reset();
      router.refresh();
    },
  });
  const errors = fieldErrorsFrom(mutation.error);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ name: String(form.get("name") ?? ""), value: String(form.get("value") ?? "") });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-3" noValidate aria-label={t("addGlobal")}>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto] sm:items-start">
        <TextField id="new-global-name" name="name" label={t("globalName")} hint={t("globalNameHint")} error={errors.name} autoComplete="off" maxLength={64} />
        <TextField id="new-global-value" name="value" label={t("globalValue")} error={errors.value} autoComplete="off" maxLength={2000} />
        <Button type="submit" className="sm:mt-[1.375rem]" disabled={mutation.isPending}>
          {t("addGlobal")}
        </Button>
      </div>
      <FormError error={mutation.error} fields={FIELDS} />
    </form>
  );
}
