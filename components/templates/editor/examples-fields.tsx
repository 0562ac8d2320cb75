"use client";

import { useTranslations } from "next-intl";

import { TextField } from "@/components/forms/text-field";
import { variableNames } from "@/lib/whatsapp/templates/draft/template-variables";
import { useEditor } from "./editor-context";

/** One example input per variable of the header or body text: Meta reviews the template with these filled in. */
export function ExamplesFields({ field, text }: { field: "header" | "body"; text: string }) {
  const t = useTranslations("templates.editor");
  const { draft, update, errorFor } = useEditor();
  const names = variableNames(text);
  if (!names.length) return null;
  const examples = field === "body" ? draft.body.examples : draft.header.type === "text" ? draft.header.examples : {};
  return (
    <fieldset className="grid gap-3 rounded-md border p-3 sm:grid-cols-2">
      <legend className="px-1 text-xs text-muted-foreground">{t("examples")}</legend>
      {names.map((name) => {
        const path = `${field}.examples.${name}`;
        return (
          <TextField
            key={name}
            id={`template-${field}-example-${name}`}
            label={t("exampleFor", { variable: `{{${name}}}` })}
            value={examples[name] ?? ""}
            onChange={(e) => {
              const value = e.target.value;
              update(path, (d) => {
                if (field === "body") return { ...d, body: { ...d.body, examples: { ...d.body.examples, [name]: value } } };
                if (d.header.type !== "text") return d;
                return { ...d, header: { ...d.header, examples: { ...d.header.examples, [name]: value } } };
              });
            }}
            error={errorFor(path)}
          />
        );
      })}
    </fieldset>
  );
}
