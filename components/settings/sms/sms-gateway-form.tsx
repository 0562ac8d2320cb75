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
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { SmsGatewayView } from "@/lib/sms/sms-gateway-view";
import { SavedMessage } from "../saved-message";
import { headersFromText, headersToText } from "./headers-text";

const FIELDS = ["method", "urlTemplate", "headers", "bodyTemplate", "secret"] as const;

type Props = { orgSlug: string; gateway: SmsGatewayView | null; canManage: boolean };

/**
 * The SMS gateway as an HTTP request template: method, URL, headers (one `Name: value` per line) and body, with
 * `{to}`, `{message}`, `{secret}` and `{id}` filled in at send time. The secret is write-only: an empty field keeps it.
 */
export function SmsGatewayForm({ orgSlug, gateway, canManage }: Props) {
  const t = useTranslations("smsGateway");
  const tc = useTranslations("common");
  const router = useRouter();
  const formRef = React.useRef<HTMLFormElement>(null);
  const [headersError, setHeadersError] = React.useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/sms-gateway`, { method: "PUT", body }),
    onSuccess: () => {
      const input = formRef.current?.elements.namedItem("secret");
      if (input instanceof HTMLInputElement) input.value = "";
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
    const secret = String(form.get("secret") ?? "");
    const bodyTemplate = String(form.get("bodyTemplate") ?? "");
    mutation.mutate({
      method: String(form.get("method") ?? "POST"),
      urlTemplate: String(form.get("urlTemplate") ?? ""),
      headers: headers.headers,
      bodyTemplate: bodyTemplate || null,
      ...(secret ? { secret } : {}),
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-2xl gap-4" noValidate aria-label={t("formLabel")}>
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <SelectField
          id="sms-method"
          name="method"
          label={t("method")}
          defaultValue={gateway?.method ?? "POST"}
          disabled={!canManage}
          options={["POST", "GET", "PUT"].map((m) => ({ value: m, label: m }))}
          error={errors.method}
        />
        <TextField
          id="sms-url"
          name="urlTemplate"
          label={t("url")}
          hint={t("urlHint")}
          defaultValue={gateway?.urlTemplate ?? ""}
          placeholder="https://sms.example.com/send?to={to}"
          readOnly={!canManage}
          error={errors.urlTemplate}
          autoComplete="off"
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="sms-headers">{t("headers")}</Label>
        <Textarea
          id="sms-headers"
          name="headers"
          rows={3}
          defaultValue={headersToText(gateway?.headers ?? { "content-type": "application/json", authorization: "Bearer {secret}" })}
          readOnly={!canManage}
          aria-invalid={headerIssue ? true : undefined}
          aria-describedby={headerIssue ? "sms-headers-error" : "sms-headers-hint"}
          className="font-mono"
        />
        <FieldError id="sms-headers-error" message={headerIssue} />
        <p id="sms-headers-hint" className="text-xs text-muted-foreground">
          {t("headersHint", { example: "{secret}" })}
        </p>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="sms-body">{t("body")}</Label>
        <Textarea
          id="sms-body"
          name="bodyTemplate"
          rows={3}
          defaultValue={gateway?.bodyTemplate ?? '{"to": "{to}", "text": "{message}"}'}
          readOnly={!canManage}
          aria-invalid={errors.bodyTemplate ? true : undefined}
          className="font-mono"
        />
        <FieldError id="sms-body-error" message={errors.bodyTemplate} />
      </div>
      <div className="grid gap-1">
        <div className="flex items-center gap-2 text-sm">
          <span>{t("secretStatus")}</span>
          <Badge variant={gateway?.secretSet ? "default" : "secondary"} data-testid="sms-secret-status">
            {gateway?.secretSet ? t("secretSet") : t("secretNotSet")}
          </Badge>
        </div>
        {canManage && <TextField id="sms-secret" name="secret" type="password" label={t("secret")} hint={t("secretHint")} error={errors.secret} autoComplete="new-password" />}
      </div>
      {canManage && (
        <>
          <FormError error={mutation.error} fields={FIELDS} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? tc("saving") : t("save")}
            </Button>
            {mutation.isSuccess && <SavedMessage>{t("saved")}</SavedMessage>}
          </div>
        </>
      )}
    </form>
  );
}
