"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { ApiError, apiFetch } from "@/components/api/api-fetch";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { lintTemplateDraft } from "@/lib/whatsapp/templates/draft/lint-template-draft";
import { templateCategories, type TemplateDraft } from "@/lib/whatsapp/templates/draft/template-draft-schema";
import type { TemplateView } from "@/lib/whatsapp/templates/template-view";
import { ButtonsEditor } from "./buttons-editor";
import { DraftPreview } from "./draft-preview";
import { EditorContext, type EditorFieldProps } from "./editor-context";
import { ExamplesFields } from "./examples-fields";
import { HeaderEditor } from "./header-editor";
import { LongTextField } from "./long-text-field";
import { useLintMessage } from "./use-lint-message";

export const TEMPLATE_LANGUAGES = ["en_US", "en", "en_GB", "pt_BR", "pt_PT", "es", "es_MX", "es_AR", "fr", "de", "it"];

type Props = {
  orgSlug: string;
  initial: TemplateDraft;
  /** Create: the numbers a template can be submitted through. Edit: the template being edited. */
  channels?: { id: string; name: string }[];
  templateId?: string;
};

/**
 * Settings → Templates → New / Edit: the draft form with Meta's rules checked as the author types (each message
 * under its field: lint-template-draft.ts, the same rules the API applies), and the live preview beside it.
 */
export function TemplateEditor({ orgSlug, initial, channels = [], templateId }: Props) {
  const t = useTranslations("templates.editor");
  const tc = useTranslations("templates.categories");
  const router = useRouter();
  const lintMessage = useLintMessage();
  const [draft, setDraft] = React.useState<TemplateDraft>(initial);
  const [channelId, setChannelId] = React.useState(channels[0]?.id ?? "");
  const [touched, setTouched] = React.useState<Set<string>>(() => new Set());
  const [attempted, setAttempted] = React.useState(false);
  const editing = Boolean(templateId);
  const issues = React.useMemo(() => lintTemplateDraft(draft), [draft]);

  const mutation = useMutation({
    mutationFn: () =>
      editing
        ? apiFetch<{ template: TemplateView }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/templates/${templateId}`, { method: "PUT", body: draft })
        : apiFetch<{ template: TemplateView }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/templates`, { method: "POST", body: { channelId, ...draft } }),
    onSuccess: ({ template }) => {
      router.push(`/${orgSlug}/settings/templates/${template.id}`);
      router.refresh();
    },
  });
  const serverIssues = mutation.error instanceof ApiError ? mutation.error.issues : [];

  const shown = (path: string) => attempted || [...touched].some((p) => path === p || path.startsWith(`${p}.`) || p.startsWith(`${path}.`));
  const errorFor = (path: string): string | null => {
    const mine = issues.filter((i) => i.path === path && shown(path));
    if (mine.length) return mine.map(lintMessage).join(" ");
    return serverIssues.find((i) => i.path === path)?.message ?? null;
  };
  const update = (path: string, change: (d: TemplateDraft) => TemplateDraft) => {
    setDraft((d) => change(d));
    setTouched((s) => (s.has(path) ? s : new Set(s).add(path)));
  };
  const field: EditorFieldProps = { draft, update, errorFor };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (issues.length) return;
    mutation.mutate();
  };
  const auth = draft.category === "AUTHENTICATION";

  return (
    <EditorContext.Provider value={field}>
      <form onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" aria-label={t("formLabel")}>
        <div className="grid min-w-0 content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("basics")}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4 sm:grid-cols-2">
              <TextField
                id="template-name"
                label={t("name")}
                hint={t("nameHint")}
                value={draft.name}
                readOnly={editing}
                autoComplete="off"
                onChange={(e) => {
                  const name = e.target.value;
                  update("name", (d) => ({ ...d, name }));
                }}
                error={errorFor("name")}
              />
              <SelectField
                id="template-language"
                label={t("language")}
                value={draft.language}
                disabled={editing}
                options={[...new Set([...TEMPLATE_LANGUAGES, draft.language])].map((l) => ({ value: l, label: l }))}
                onChange={(e) => {
                  const language = e.target.value;
                  update("language", (d) => ({ ...d, language }));
                }}
                error={errorFor("language")}
              />
              <SelectField
                id="template-category"
                label={t("category")}
                value={draft.category}
                options={templateCategories.map((c) => ({ value: c, label: tc(c) }))}
                onChange={(e) => {
                  const category = e.target.value as TemplateDraft["category"];
                  update("category", (d) => ({ ...d, category, ...(category === "AUTHENTICATION" && { header: { type: "none" as const }, buttons: [{ type: "otp" as const, text: "" }] }) }));
                }}
              />
              {!editing && channels.length > 0 && (
                <SelectField
                  id="template-channel"
                  label={t("channel")}
                  hint={t("channelHint")}
                  value={channelId}
                  options={channels.map((c) => ({ value: c.id, label: c.name }))}
                  onChange={(e) => setChannelId(e.target.value)}
                />
              )}
              {!auth && (
                <SelectField
                  id="template-format"
                  label={t("parameterFormat")}
                  hint={t("parameterFormatHint")}
                  value={draft.parameterFormat}
                  options={[
                    { value: "positional", label: t("positional") },
                    { value: "named", label: t("named") },
                  ]}
                  onChange={(e) => {
                    const parameterFormat = e.target.value as TemplateDraft["parameterFormat"];
                    update("body.text", (d) => ({ ...d, parameterFormat }));
                  }}
                />
              )}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("content")}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-5">
              {auth ? (
                <AuthenticationFields />
              ) : (
                <>
                  <HeaderEditor orgSlug={orgSlug} channelId={channelId || channels[0]?.id} />
                  <LongTextField
                    id="template-body"
                    label={t("body")}
                    hint={t("bodyHint")}
                    value={draft.body.text}
                    onChange={(text) => update("body.text", (d) => ({ ...d, body: { ...d.body, text } }))}
                    error={errorFor("body.text")}
                    max={1024}
                  />
                  <ExamplesFields field="body" text={draft.body.text} />
                  <TextField
                    id="template-footer"
                    label={t("footer")}
                    hint={t("footerHint")}
                    value={draft.footer}
                    onChange={(e) => {
                      const footer = e.target.value;
                      update("footer", (d) => ({ ...d, footer }));
                    }}
                    error={errorFor("footer")}
                  />
                </>
              )}
            </CardContent>
          </Card>

          <ButtonsEditor />

          <div className="grid gap-3">
            <FormError error={mutation.error} fields={serverIssues.map((i) => i.path).filter((p) => p && p !== "")} />
            {attempted && issues.length > 0 && (
              <p role="alert" className="text-sm text-destructive">
                {t("fixIssues", { count: issues.length })}
              </p>
            )}
            <div>
              <Button type="submit" disabled={mutation.isPending}>
                {editing ? t("submitEdit") : t("submit")}
              </Button>
            </div>
          </div>
        </div>
        <aside className="min-w-0 lg:sticky lg:top-4 lg:self-start" aria-label={t("preview")}>
          <h2 className="mb-2 text-sm font-medium text-muted-foreground">{t("preview")}</h2>
          <DraftPreview draft={draft} />
        </aside>
      </form>
    </EditorContext.Provider>
  );
}

function AuthenticationFields() {
  const t = useTranslations("templates.editor");
  const { draft, update, errorFor } = React.useContext(EditorContext)!;
  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted-foreground">{t("authenticationBody")}</p>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4 accent-primary"
          checked={draft.authentication.addSecurityRecommendation}
          onChange={(e) => {
            const addSecurityRecommendation = e.target.checked;
            update("authentication", (d) => ({ ...d, authentication: { ...d.authentication, addSecurityRecommendation } }));
          }}
        />
        {t("securityRecommendation")}
      </label>
      <TextField
        id="template-expiry"
        type="number"
        label={t("codeExpiration")}
        value={draft.authentication.codeExpirationMinutes ?? ""}
        onChange={(e) => {
          const n = e.target.value === "" ? null : Math.trunc(Number(e.target.value));
          update("authentication.codeExpirationMinutes", (d) => ({ ...d, authentication: { ...d.authentication, codeExpirationMinutes: n } }));
        }}
        error={errorFor("authentication.codeExpirationMinutes")}
      />
    </div>
  );
}
