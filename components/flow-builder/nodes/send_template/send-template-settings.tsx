"use client";

import { useTranslations } from "next-intl";

import { ItemListSetting, TextSetting } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

type Param = { name: string; value: string };

export function SendTemplateSettings({ nodeId, data, onChange }: NodeSettingsProps<"send_template">) {
  const t = useTranslations("flowEditor");
  const params = (key: "headerParameters" | "bodyParameters", label: string) => (
    <ItemListSetting<Param>
      label={label}
      items={data[key]}
      onChange={(items) => onChange({ ...data, [key]: items })}
      newItem={() => ({ name: "", value: "" })}
      addLabel={t("sendTemplate.addParameter")}
      render={(p, update, i) => (
        <>
          <TextSetting id={`${nodeId}-${key}-${i}-name`} label={t("sendTemplate.parameterName")} value={p.name} onChange={(name) => update({ ...p, name })} />
          <TextSetting id={`${nodeId}-${key}-${i}-value`} label={t("sendTemplate.parameterValue")} value={p.value} onChange={(value) => update({ ...p, value })} />
        </>
      )}
    />
  );
  return (
    <div className="grid gap-4">
      <p className="text-xs text-muted-foreground">{t("sendTemplate.hint")}</p>
      <TextSetting id={`${nodeId}-name`} label={t("sendTemplate.name")} value={data.name} onChange={(name) => onChange({ ...data, name })} />
      <TextSetting id={`${nodeId}-language`} label={t("sendTemplate.language")} value={data.language} onChange={(language) => onChange({ ...data, language })} />
      {params("headerParameters", t("sendTemplate.headerParameters"))}
      {params("bodyParameters", t("sendTemplate.bodyParameters"))}
    </div>
  );
}
