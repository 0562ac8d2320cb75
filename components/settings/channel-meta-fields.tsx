"use client";

import { useTranslations } from "next-intl";

import type { FieldErrors } from "@/components/api/field-errors";
import { TextField } from "@/components/forms/text-field";

type ChannelMetaFieldsProps = {
  errors: FieldErrors;
  /** "edit": secrets are write-only, so blank inputs keep the stored values. */
  mode: "create" | "edit";
  defaults?: { phoneNumberId?: string; wabaId?: string; verifyToken?: string };
};

/** The WhatsApp Cloud API credentials, shared by the add and edit forms. */
export function ChannelMetaFields({ errors, mode, defaults }: ChannelMetaFieldsProps) {
  const t = useTranslations("channels.form");
  const editing = mode === "edit";
  return (
    <fieldset className="grid gap-4 rounded-lg border p-4">
      <legend className="px-1 text-sm font-semibold">{t("metaTitle")}</legend>
      <p className="-mt-1 text-sm text-muted-foreground">{t("metaDescription")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="phoneNumberId"
          name="phoneNumberId"
          label={t("phoneNumberId")}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={defaults?.phoneNumberId}
          error={errors.phoneNumberId}
          required
        />
        <TextField
          id="wabaId"
          name="wabaId"
          label={t("wabaId")}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={defaults?.wabaId}
          error={errors.wabaId}
          required
        />
      </div>
      <TextField
        id="accessToken"
        name="accessToken"
        type="password"
        label={t("accessToken")}
        autoComplete="off"
        hint={editing ? t("keepSecretHint") : t("accessTokenHint")}
        error={errors.accessToken}
        required={!editing}
      />
      <TextField
        id="appSecret"
        name="appSecret"
        type="password"
        label={t("appSecret")}
        autoComplete="off"
        hint={editing ? t("keepSecretHint") : t("appSecretHint")}
        error={errors.appSecret}
        required={!editing}
      />
      <TextField
        id="verifyToken"
        name="verifyToken"
        label={t("verifyToken")}
        autoComplete="off"
        defaultValue={defaults?.verifyToken}
        hint={editing ? undefined : t("verifyTokenHint")}
        error={errors.verifyToken}
      />
    </fieldset>
  );
}
