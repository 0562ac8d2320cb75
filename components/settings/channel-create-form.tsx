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
import type { ChannelView } from "@/lib/channels/channel-view";

import { ChannelMetaFields } from "./channel-meta-fields";
import { EvolutionFields } from "./evolution-fields";

type Provider = ChannelView["provider"];

const FIELDS = ["provider", "name", "displayPhoneNumber", "phoneNumberId", "wabaId", "accessToken", "appSecret", "verifyToken", "baseUrl", "apiKey", "instanceName"] as const;
const PROVIDERS: Provider[] = ["cloud", "evolution", "sandbox"];

/** Adds a WhatsApp number; server validation issues appear under the matching fields. */
export function ChannelCreateForm({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("channels");
  const router = useRouter();
  const [provider, setProvider] = React.useState<Provider>("cloud");
  const mutation = useMutation({
    mutationFn: (body: Record<string, string | boolean>) =>
      apiFetch<{ channel: ChannelView }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/channels`, { method: "POST", body }),
    onSuccess: ({ channel }) => {
      router.push(`/${orgSlug}/settings/channels/${channel.id}`);
      router.refresh();
    },
  });
  const errors = fieldErrorsFrom(mutation.error);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (field: string) => String(data.get(field) ?? "").trim();
    const body: Record<string, string | boolean> = { provider, name: value("name"), displayPhoneNumber: value("displayPhoneNumber") };
    if (provider === "evolution") {
      if (!body.displayPhoneNumber) delete body.displayPhoneNumber;
      for (const field of ["baseUrl", "apiKey", "instanceName"]) body[field] = value(field);
      body.allowGroups = data.get("allowGroups") === "on";
    }
    if (provider === "cloud") {
      for (const field of ["phoneNumberId", "wabaId", "accessToken", "appSecret"]) body[field] = value(field);
      if (value("verifyToken")) body.verifyToken = value("verifyToken");
    }
    mutation.mutate(body);
  }

  const busy = mutation.isPending || mutation.isSuccess;
  return (
    <form onSubmit={onSubmit} className="grid gap-5" noValidate>
      <SelectField
        id="provider"
        name="provider"
        label={t("form.provider")}
        value={provider}
        onChange={(event) => setProvider(PROVIDERS.find((p) => p === event.target.value) ?? "cloud")}
        hint={t(`providerHints.${provider}`)}
        error={errors.provider}
        options={PROVIDERS.map((p) => ({ value: p, label: t(`providers.${p}`) }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="name" name="name" label={t("form.name")} hint={t("form.nameHint")} autoComplete="off" error={errors.name} required />
        <TextField
          id="displayPhoneNumber"
          name="displayPhoneNumber"
          type="tel"
          label={t("form.displayPhoneNumber")}
          hint={t("form.displayPhoneNumberHint")}
          placeholder="+55 11 91234-5678"
          autoComplete="off"
          error={errors.displayPhoneNumber}
          required={provider !== "evolution"}
        />
      </div>
      {provider === "cloud" && <ChannelMetaFields mode="create" errors={errors} />}
      {provider === "evolution" && <EvolutionFields errors={errors} />}
      <FormError error={mutation.error} fields={FIELDS} />
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("form.submitting") : t("form.submit")}
        </Button>
      </div>
    </form>
  );
}
