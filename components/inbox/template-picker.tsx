"use client";

import * as React from "react";
import { FileTextIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { PriceHint } from "@/components/spend/price-hint";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TemplatePreview } from "@/components/templates";
import { buildTemplateComponents, templateFields } from "./build-template-send";
import type { TemplateOption } from "./types";

/**
 * What the composer becomes outside the 24-hour window: only the channel's approved templates can be sent, with
 * their parameters filled in a form and the message previewed as the customer will read it.
 */
export function TemplatePicker({
  templates,
  loading,
  onSend,
  sending,
  disabled,
  conversationId,
}: {
  templates: TemplateOption[];
  loading: boolean;
  onSend: (message: { type: "template"; name: string; language: string; components: Record<string, unknown>[] }) => void;
  sending: boolean;
  disabled?: boolean;
  /** Shows the chosen template's price for this conversation (components/spend/price-hint.tsx). */
  conversationId?: string;
}) {
  const t = useTranslations("inbox.templates");
  const [selectedId, setSelectedId] = React.useState("");
  const [values, setValues] = React.useState<Record<string, string>>({});
  const template = templates.find((x) => x.id === selectedId);
  const { fields } = React.useMemo(() => templateFields(template?.components ?? []), [template]);
  // TemplatePreview keys values as header.<name> / body.<name> / button.<index>.
  const previewParameters = React.useMemo(() => Object.fromEntries(Object.entries(values).map(([k, v]) => [k.replace(":", "."), v])), [values]);
  const complete = fields.every((f) => (values[f.key] ?? "").trim() !== "");

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!template || !complete) return;
    onSend({ type: "template", name: template.name, language: template.language, components: buildTemplateComponents(template.components, values) });
    setValues({});
    setSelectedId("");
  };

  return (
    <form onSubmit={submit} data-testid="template-picker" className="grid gap-2">
      <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
        <FileTextIcon aria-hidden="true" className="size-3.5" />
        {t("outsideWindow")}
      </p>
      {loading ? (
        <p className="text-sm text-muted-foreground">{t("loading")}</p>
      ) : templates.length === 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="no-templates">
          {t("none")}
        </p>
      ) : (
        <>
          <select
            aria-label={t("choose")}
            value={selectedId}
            disabled={disabled}
            onChange={(e) => {
              setSelectedId(e.target.value);
              setValues({});
            }}
            className="h-9 rounded-md border bg-background px-2 text-sm"
          >
            <option value="">{t("choose")}</option>
            {templates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name} ({x.language})
              </option>
            ))}
          </select>
          {template && (
            <div className="grid gap-3 md:grid-cols-2">
              <div className="grid content-start gap-2">
                {fields.length === 0 && <p className="text-xs text-muted-foreground">{t("noParameters")}</p>}
                {fields.map((f) => {
                  const id = `template-field-${f.key.replace(/[^a-z0-9]/gi, "-")}`;
                  const media = f.component === "header" && ["image", "video", "document", "location"].includes(f.name);
                  return (
                    <div key={f.key} className="grid gap-1">
                      <Label htmlFor={id} className="text-xs">
                        {f.component === "button" ? t("buttonField", { index: (f.index ?? 0) + 1 }) : media ? t("mediaField", { kind: f.name }) : t("field", { component: t(f.component), name: f.name })}
                      </Label>
                      <Input
                        id={id}
                        type={media ? "url" : "text"}
                        value={values[f.key] ?? ""}
                        onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
                        className="h-8 text-sm"
                        disabled={disabled}
                      />
                    </div>
                  );
                })}
              </div>
              <div data-testid="template-preview" aria-label={t("preview")}>
                <TemplatePreview template={template} parameters={previewParameters} />
              </div>
            </div>
          )}
          <div className="flex flex-wrap items-center justify-end gap-2">
            {conversationId && template && <PriceHint conversationId={conversationId} templateId={template.id} className="mr-auto" />}
            <Button type="submit" size="sm" disabled={!template || !complete || sending || disabled}>
              {sending ? t("sending") : t("send")}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
