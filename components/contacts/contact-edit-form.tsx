"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { contactsApi, type ContactPanel, type Field, type Stage } from "./contact-types";

type Props = { orgSlug: string; contact: ContactPanel["contact"]; fields: Field[]; stages: Stage[]; canEdit: boolean };
type Value = string | number | boolean | null;

/** Name, e-mail, lifecycle stage and the organization's custom fields, each input by its type; one Save. */
export function ContactEditForm({ orgSlug, contact, fields, stages, canEdit }: Props) {
  const t = useTranslations("contactDetail");
  // Keys built from data (states, sources, event kinds, stage keys): checked with has() or known to exist.
  const dyn = t as unknown as { (key: string): string; has(key: string): boolean };
  const router = useRouter();
  const messageFor = useErrorMessage();
  const attrs = contact.attributes as Record<string, Value>;
  const [name, setName] = React.useState(contact.name ?? "");
  const [email, setEmail] = React.useState(contact.email ?? "");
  const [stage, setStage] = React.useState(contact.lifecycleStageId ?? "");
  const [values, setValues] = React.useState<Record<string, Value>>(() => Object.fromEntries(fields.map((f) => [f.key, attrs[f.key] ?? null])));
  const save = useMutation({
    mutationFn: () => {
      const attributes: Record<string, Value> = { ...attrs };
      for (const f of fields) {
        const v = values[f.key];
        if (v === null || v === "") delete attributes[f.key];
        else attributes[f.key] = f.type === "number" ? Number(v) : v;
      }
      return apiFetch(contactsApi(orgSlug, `/${contact.id}`), {
        method: "PATCH",
        body: { name: name.trim() || null, email: email.trim() || null, lifecycleStageId: stage || null, attributes },
      });
    },
    onSuccess: () => router.refresh(),
  });
  const set = (key: string, v: Value) => setValues((prev) => ({ ...prev, [key]: v }));

  return (
    <form
      className="grid min-w-0 grid-cols-1 gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor="contact-name">{t("name")}</Label>
          <Input id="contact-name" value={name} onChange={(e) => setName(e.target.value)} disabled={!canEdit} maxLength={120} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="contact-email">{t("email")}</Label>
          <Input id="contact-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} disabled={!canEdit} maxLength={254} />
        </div>
        <div className="grid gap-1.5">
          <Label>{t("phone")}</Label>
          <p className="text-sm">{contact.phoneE164 ?? "—"}</p>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="contact-stage">{t("stage")}</Label>
          <NativeSelect id="contact-stage" value={stage} onChange={(e) => setStage(e.target.value)} disabled={!canEdit}>
            <option value="">{t("noStage")}</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {dyn.has(`stages.${s.key}`) ? dyn(`stages.${s.key}`) : s.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        {fields.map((f) => (
          <div key={f.id} className="grid min-w-0 gap-1.5">
            <Label htmlFor={`field-${f.key}`}>
              {f.label}
              {f.required ? " *" : ""}
            </Label>
            <FieldInput field={f} value={values[f.key] ?? null} onChange={(v) => set(f.key, v)} disabled={!canEdit} noneLabel={t("none")} yes={t("yes")} no={t("no")} />
          </div>
        ))}
      </div>
      {save.error ? <p className="text-sm text-destructive">{messageFor(save.error)}</p> : null}
      {canEdit ? (
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t("saving") : t("save")}
          </Button>
        </div>
      ) : null}
    </form>
  );
}

function FieldInput(props: { field: Field; value: Value; onChange: (v: Value) => void; disabled: boolean; noneLabel: string; yes: string; no: string }) {
  const { field, value, onChange, disabled } = props;
  const id = `field-${field.key}`;
  if (field.type === "boolean" || field.type === "choice") {
    const options = field.type === "boolean" ? [["true", props.yes], ["false", props.no]] : field.options.map((o) => [o, o]);
    return (
      <NativeSelect
        id={id}
        value={value === null ? "" : String(value)}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === "" ? null : field.type === "boolean" ? e.target.value === "true" : e.target.value)}
      >
        <option value="">{props.noneLabel}</option>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </NativeSelect>
    );
  }
  return (
    <Input
      id={id}
      type={field.type === "number" ? "number" : field.type === "date" ? "date" : "text"}
      value={value === null ? "" : String(value)}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
    />
  );
}
