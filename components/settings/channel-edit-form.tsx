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
import { SavedMessage } from "./saved-message";

const FIELDS = ["name", "displayPhoneNumber", "phoneNumberId", "wabaId", "accessToken", "appSecret", "verifyToken", "status", "proactiveGapMinSeconds", "proactiveGapMaxSeconds"] as const;

type ChannelEditFormProps = { orgSlug: string; channel: ChannelView };

/** Edits a number. Secrets are write-only: blank means "keep the stored one", so only typed secrets are sent. */
export function ChannelEditForm({ orgSlug, channel }: ChannelEditFormProps) {
  const t = useTranslations("channels");
  const tc = useTranslations("common");
  const router = useRouter();
  const formRef = React.useRef<HTMLFormElement>(null);
  const mutation = useMutation({
    mutationFn: (body: Record<string, string | number>) =>
      apiFetch<{ channel: ChannelView }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/channels/${channel.id}`, {
        method: "PATCH",
        body,
      }),
    onSuccess: () => {
      // Typed secrets are saved now; don't leave them sitting in the form.
      for (const secret of ["accessToken", "appSecret"]) {
        const input = formRef.current?.elements.namedItem(secret);
        if (input instanceof HTMLInputElement) input.value = "";
      }
      router.refresh();
    },
  });
  const errors = fieldErrorsFrom(mutation.error);
  const cloud = channel.provider === "cloud";

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (field: string) => String(data.get(field) ?? "").trim();
    const body: Record<string, string | number> = {
      name: value("name"),
      displayPhoneNumber: value("displayPhoneNumber"),
      status: value("status"),
    };
    if (cloud) {
      body.phoneNumberId = value("phoneNumberId");
      body.wabaId = value("wabaId");
      for (const secret of ["accessToken", "appSecret"]) if (value(secret)) body[secret] = value(secret);
      if (value("verifyToken") && value("verifyToken") !== channel.verifyToken) body.verifyToken = value("verifyToken");
    }
    if (channel.evolution) {
      // Whole seconds, or what was typed (the API explains what is wrong with it).
      for (const field of ["proactiveGapMinSeconds", "proactiveGapMaxSeconds"]) body[field] = /^\d+$/.test(value(field)) ? Number(value(field)) : value(field);
    }
    mutation.mutate(body);
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-5" noValidate onChange={() => mutation.isSuccess && mutation.reset()}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="name" name="name" label={t("form.name")} defaultValue={channel.name} autoComplete="off" error={errors.name} required />
        <TextField
          id="displayPhoneNumber"
          name="displayPhoneNumber"
          type="tel"
          label={t("form.displayPhoneNumber")}
          defaultValue={channel.displayPhoneNumber}
          hint={t("form.displayPhoneNumberHint")}
          autoComplete="off"
          error={errors.displayPhoneNumber}
          required
        />
      </div>
      <SelectField
        id="status"
        name="status"
        label={t("form.status")}
        defaultValue={channel.status}
        hint={t("form.statusHint")}
        error={errors.status}
        className="sm:max-w-xs"
        options={[
          { value: "active", label: t("statuses.active") },
          { value: "disabled", label: t("statuses.disabled") },
        ]}
      />
      {cloud && (
        <ChannelMetaFields
          mode="edit"
          errors={errors}
          defaults={{ phoneNumberId: channel.phoneNumberId, wabaId: channel.wabaId, verifyToken: channel.verifyToken }}
        />
      )}
      {channel.evolution && (
        <fieldset className="grid gap-2">
          <legend className="text-sm font-medium">{t("evolution.pacing.title")}</legend>
          <p className="text-sm text-muted-foreground">{t("evolution.pacing.hint")}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              id="proactiveGapMinSeconds"
              name="proactiveGapMinSeconds"
              type="number"
              inputMode="numeric"
              label={t("evolution.pacing.min")}
              defaultValue={String(channel.evolution.proactiveGap.minSeconds)}
              error={errors.proactiveGapMinSeconds}
            />
            <TextField
              id="proactiveGapMaxSeconds"
              name="proactiveGapMaxSeconds"
              type="number"
              inputMode="numeric"
              label={t("evolution.pacing.max")}
              defaultValue={String(channel.evolution.proactiveGap.maxSeconds)}
              error={errors.proactiveGapMaxSeconds}
            />
          </div>
        </fieldset>
      )}
      <FormError error={mutation.error} fields={FIELDS} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? tc("saving") : tc("save")}
        </Button>
        {mutation.isSuccess && <SavedMessage>{t("detail.saved")}</SavedMessage>}
      </div>
    </form>
  );
}
