"use client";

import * as React from "react";
import { useTranslations } from "next-intl";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { countTemplateParameters, slotLabel } from "@/lib/whatsapp/templates/count-template-parameters";
import type { TemplateView } from "@/lib/whatsapp/templates/template-view";

import { TemplatePreview } from "./template-preview";

/** The preview with one field per parameter a send carries, so a person can see the message filled in. */
export function TemplatePreviewPlayground({ template }: { template: TemplateView }) {
  const t = useTranslations("templates.detail");
  const slots = React.useMemo(() => countTemplateParameters(template.components).slots, [template.components]);
  const [values, setValues] = React.useState<Record<string, string>>({});
  const id = React.useId();

  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="rounded-lg bg-[#efeae2] p-4">
        <TemplatePreview template={template} parameters={values} />
      </div>
      {slots.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noParameters")}</p>
      ) : (
        <div className="grid content-start gap-3">
          <p className="text-sm text-muted-foreground">{t("tryParameters")}</p>
          {slots.map((s) => {
            const key = s.component === "button" ? `button.${s.index}` : `${s.component}.${s.name}`;
            const label = slotLabel(s);
            return (
              <div key={key} className="grid gap-1.5">
                <Label htmlFor={`${id}-${key}`}>
                  {label}
                  {s.optional && <span className="font-normal text-muted-foreground"> ({t("optional")})</span>}
                </Label>
                <Input
                  id={`${id}-${key}`}
                  value={values[key] ?? ""}
                  onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
                  autoComplete="off"
                />
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
