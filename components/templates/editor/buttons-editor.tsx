"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";

import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import type { TemplateButton } from "@/lib/whatsapp/templates/draft/template-draft-schema";
import { useEditor } from "./editor-context";

const NEW: Record<TemplateButton["type"], TemplateButton> = {
  quick_reply: { type: "quick_reply", text: "" },
  url: { type: "url", text: "", url: "https://", example: "" },
  phone_number: { type: "phone_number", text: "", phoneNumber: "+" },
  copy_code: { type: "copy_code", example: "" },
  otp: { type: "otp", text: "" },
};

/** The buttons: quick replies, a website (with a dynamic suffix), a phone number, a copy code; OTP for authentication. */
export function ButtonsEditor() {
  const t = useTranslations("templates.editor");
  const { draft, update, errorFor } = useEditor();
  const auth = draft.category === "AUTHENTICATION";
  const kinds: TemplateButton["type"][] = auth ? ["otp"] : ["quick_reply", "url", "phone_number", "copy_code"];
  const set = (i: number, path: string, change: (b: TemplateButton) => TemplateButton) =>
    update(`buttons.${i}.${path}`, (d) => ({ ...d, buttons: d.buttons.map((b, j) => (j === i ? change(b) : b)) }));

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("buttons")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FieldError id="template-buttons-error" message={errorFor("buttons")} />
        {draft.buttons.map((b, i) => (
          <fieldset key={i} className="grid gap-3 rounded-md border p-3 sm:grid-cols-2" data-testid="template-button">
            <legend className="px-1 text-xs font-medium">{t(`buttonTypes.${b.type}`)}</legend>
            <FieldError id={`template-button-${i}-error`} message={errorFor(`buttons.${i}`)} />
            {"text" in b && (
              <TextField
                id={`template-button-${i}-text`}
                label={t("buttonText")}
                value={b.text}
                onChange={(e) => {
                  const text = e.target.value;
                  set(i, "text", (x) => ({ ...x, text }) as TemplateButton);
                }}
                error={errorFor(`buttons.${i}.text`)}
              />
            )}
            {b.type === "url" && (
              <>
                <TextField
                  id={`template-button-${i}-url`}
                  label={t("buttonUrl")}
                  hint={t("buttonUrlHint")}
                  value={b.url}
                  inputMode="url"
                  onChange={(e) => {
                    const url = e.target.value;
                    set(i, "url", (x) => ({ ...x, url }) as TemplateButton);
                  }}
                  error={errorFor(`buttons.${i}.url`)}
                />
                {b.url.includes("{{") && (
                  <TextField
                    id={`template-button-${i}-example`}
                    label={t("buttonUrlExample")}
                    value={b.example}
                    inputMode="url"
                    onChange={(e) => {
                      const example = e.target.value;
                      set(i, "example", (x) => ({ ...x, example }) as TemplateButton);
                    }}
                    error={errorFor(`buttons.${i}.example`)}
                  />
                )}
              </>
            )}
            {b.type === "phone_number" && (
              <TextField
                id={`template-button-${i}-phone`}
                label={t("buttonPhone")}
                value={b.phoneNumber}
                inputMode="tel"
                onChange={(e) => {
                  const phoneNumber = e.target.value;
                  set(i, "phoneNumber", (x) => ({ ...x, phoneNumber }) as TemplateButton);
                }}
                error={errorFor(`buttons.${i}.phoneNumber`)}
              />
            )}
            {b.type === "copy_code" && (
              <TextField
                id={`template-button-${i}-code`}
                label={t("buttonCode")}
                value={b.example}
                onChange={(e) => {
                  const example = e.target.value;
                  set(i, "example", (x) => ({ ...x, example }) as TemplateButton);
                }}
                error={errorFor(`buttons.${i}.example`)}
              />
            )}
            <div className="flex items-end sm:col-span-2">
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => update("buttons", (d) => ({ ...d, buttons: d.buttons.filter((_, j) => j !== i) }))}
              >
                <Trash2Icon aria-hidden="true" />
                {t("removeButton")}
              </Button>
            </div>
          </fieldset>
        ))}
        <div className="flex flex-wrap gap-2">
          {kinds.map((kind) => (
            <Button key={kind} type="button" variant="outline" size="sm" onClick={() => update("buttons", (d) => ({ ...d, buttons: [...d.buttons, NEW[kind]] }))}>
              <PlusIcon aria-hidden="true" />
              {t(`addButton.${kind}`)}
            </Button>
          ))}
        </div>
      </CardContent>
    </Card>
  );
}
