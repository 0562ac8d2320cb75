"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SavedMessage } from "../saved-message";
import type { FlowSettingsView } from "@/lib/flows/settings/flow-settings-view";

const FIELDS = ["ai.baseUrl", "ai.model", "ai.apiKey"] as const;

type Props = { orgSlug: string; ai: FlowSettingsView["ai"]; canManage: boolean };

/**
 * The organization's OpenAI-compatible endpoint for AI reply nodes. The key is write-only: the form shows whether one
 * is set, an empty key field keeps it, and "Clear" removes the whole endpoint (AI nodes then say they are off).
 */
export function AiEndpointForm({ orgSlug, ai, canManage }: Props) {
  const t = useTranslations("flowSettings");
  const tc = useTranslations("common");
  const router = useRouter();
  const formRef = React.useRef<HTMLFormElement>(null);
  const mutation = useMutation({
    mutationFn: (body: { ai: { baseUrl: string; model: string; apiKey?: string } | null }) =>
      apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/flow-settings`, { method: "PATCH", body }),
    onSuccess: (_data, body) => {
      // The key never comes back: empty its field so "set" is the only trace of it; a cleared endpoint empties all.
      for (const name of body.ai === null ? ["baseUrl", "model", "apiKey"] : ["apiKey"]) {
        const input = formRef.current?.elements.namedItem(name);
        if (input instanceof HTMLInputElement) input.value = "";
      }
      router.refresh();
    },
  });
  const errors = fieldErrorsFrom(mutation.error);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const apiKey = String(form.get("apiKey") ?? "");
    mutation.mutate({ ai: { baseUrl: String(form.get("baseUrl") ?? ""), model: String(form.get("model") ?? ""), ...(apiKey ? { apiKey } : {}) } });
  }

  function onClear() {
    mutation.mutate({ ai: null });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-xl gap-4" noValidate aria-label={t("aiTitle")}>
      <TextField
        id="ai-base-url"
        name="baseUrl"
        label={t("baseUrl")}
        hint={t("baseUrlHint")}
        defaultValue={ai?.baseUrl ?? ""}
        placeholder="https://api.openai.com/v1"
        readOnly={!canManage}
        error={errors["ai.baseUrl"]}
        autoComplete="off"
      />
      <TextField id="ai-model" name="model" label={t("model")} defaultValue={ai?.model ?? ""} placeholder="gpt-4o-mini" readOnly={!canManage} error={errors["ai.model"]} autoComplete="off" />
      <div className="grid gap-1">
        <div className="flex items-center gap-2 text-sm">
          <span>{t("apiKeyStatus")}</span>
          <Badge variant={ai?.apiKeySet ? "default" : "secondary"} data-testid="ai-key-status">
            {ai?.apiKeySet ? t("apiKeySet") : t("apiKeyNotSet")}
          </Badge>
        </div>
        {canManage && (
          <TextField id="ai-api-key" name="apiKey" type="password" label={t("apiKey")} hint={t("apiKeyHint")} error={errors["ai.apiKey"]} autoComplete="new-password" />
        )}
      </div>
      {canManage && (
        <>
          <FormError error={mutation.error} fields={FIELDS} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? tc("saving") : t("saveAi")}
            </Button>
            {ai && (
              <Button type="button" variant="outline" disabled={mutation.isPending} onClick={onClear}>
                {t("clearAi")}
              </Button>
            )}
            {mutation.isSuccess && <SavedMessage>{t("saved")}</SavedMessage>}
          </div>
        </>
      )}
    </form>
  );
}
