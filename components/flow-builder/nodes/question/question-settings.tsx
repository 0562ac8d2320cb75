"use client";

import { useTranslations } from "next-intl";

import { questionKinds } from "@/lib/flows/nodes/question/schema";
import { NumberSetting, SelectSetting, TextAreaSetting, TextSetting } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

export function QuestionSettings({ nodeId, data, onChange }: NodeSettingsProps<"question">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <TextAreaSetting id={`${nodeId}-prompt`} label={t("question.prompt")} hint={t("variablesHint")} value={data.prompt} onChange={(prompt) => onChange({ ...data, prompt })} />
      <SelectSetting
        id={`${nodeId}-kind`}
        label={t("question.kind")}
        value={data.kind}
        onChange={(kind) => onChange({ ...data, kind })}
        options={questionKinds.map((k) => ({ value: k, label: t(`question.kinds.${k}`) }))}
      />
      {data.kind === "regex" && <TextSetting id={`${nodeId}-pattern`} label={t("question.pattern")} value={data.pattern} onChange={(pattern) => onChange({ ...data, pattern })} />}
      {data.kind === "phone" && (
        <TextSetting id={`${nodeId}-country`} label={t("question.defaultCountry")} maxLength={2} value={data.defaultCountry} onChange={(v) => onChange({ ...data, defaultCountry: v.toUpperCase() })} />
      )}
      <TextSetting id={`${nodeId}-variable`} label={t("fields.saveAs")} hint={t("fields.saveAsHint")} value={data.variable} onChange={(variable) => onChange({ ...data, variable })} />
      <TextAreaSetting id={`${nodeId}-retry`} label={t("fields.retryMessage")} value={data.retryMessage} onChange={(retryMessage) => onChange({ ...data, retryMessage })} />
      <NumberSetting id={`${nodeId}-tries`} label={t("question.maxTries")} min={1} max={10} value={data.maxTries} onChange={(maxTries) => onChange({ ...data, maxTries })} />
    </div>
  );
}
