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
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { headersFromText } from "../sms/headers-text";
import { SavedMessage } from "../saved-message";

const FIELDS = ["name", "baseUrl", "headers"] as const;

/** A new named connection: name, base URL and headers (one `Name: value` per line; sealed once saved). */
export function AddConnectionForm({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("integrations");
  const tc = useTranslations("common");
  const router = useRouter();
  const formRef = React.useRef<HTMLFormElement>(null);
  const [headersError, setHeadersError] = React.useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/integrations`, { method: "POST", body }),
    onSuccess: () => {
      formRef.current?.reset();
      router.refresh();
    },
  });
  const errors = fieldErrorsFrom(mutation.error);
  const headerIssue = headersError ?? Object.entries(errors).find(([k]) => k.startsWith("headers"))?.[1] ?? null;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const headers = headersFromText(String(form.get("headers") ?? ""));
    if (!headers.ok) {
      setHeadersError(t("headersLine", { line: headers.line }));
      return;
    }
    setHeadersError(null);
    mutation.mutate({ name: String(form.get("name") ?? ""), baseUrl: String(form.get("baseUrl") ?? ""), headers: headers.headers });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-2xl gap-4" noValidate aria-label={t("addTitle")}>
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <TextField id="connection-name" name="name" label={t("name")} hint={t("nameHint")} placeholder="erp" error={errors.name} autoComplete="off" />
        <TextField id="connection-base-url" name="baseUrl" label={t("baseUrl")} placeholder="https://erp.example.com/api" error={errors.baseUrl} autoComplete="off" />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="connection-headers">{t("headers")}</Label>
        <Textarea
          id="connection-headers"
          name="headers"
          rows={3}
          placeholder="Authorization: Bearer …"
          aria-invalid={headerIssue ? true : undefined}
          aria-describedby={headerIssue ? "connection-headers-error" : "connection-headers-hint"}
          className="font-mono"
        />
        <FieldError id="connection-headers-error" message={headerIssue} />
        <p id="connection-headers-hint" className="text-xs text-muted-foreground">
          {t("headersHint")}
        </p>
      </div>
      <FormError error={mutation.error} fields={FIELDS} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? tc("saving") : t("add")}
        </Button>
        {mutation.isSuccess && <SavedMessage>{t("saved")}</SavedMessage>}
      </div>
    </form>
  );
}
