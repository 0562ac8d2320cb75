"use client";

import { useTranslations } from "next-intl";

import { CheckboxSetting, NumberSetting, TextAreaSetting, TextSetting } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

export function AiReplySettings({ nodeId, data, onChange }: NodeSettingsProps<"ai_reply">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <p className="text-xs text-muted-foreground">{t("aiReply.hint")}</p>
      <TextAreaSetting id={`${nodeId}-system`} label={t("aiReply.systemPrompt")} value={data.systemPrompt} onChange={(systemPrompt) => onChange({ ...data, systemPrompt })} />
      <TextAreaSetting id={`${nodeId}-prompt`} label={t("aiReply.prompt")} hint={t("variablesHint")} value={data.prompt} onChange={(prompt) => onChange({ ...data, prompt })} />
      <TextSetting id={`${nodeId}-model`} label={t("aiReply.model")} hint={t("aiReply.modelHint")} value={data.model} onChange={(model) => onChange({ ...data, model })} />
      <NumberSetting id={`${nodeId}-temperature`} label={t("aiReply.temperature")} min={0} max={2} step={0.1} value={data.temperature} onChange={(temperature) => onChange({ ...data, temperature })} />
      <NumberSetting id={`${nodeId}-max-tokens`} label={t("aiReply.maxTokens")} min={1} max={4096} value={data.maxTokens} onChange={(maxTokens) => onChange({ ...data, maxTokens })} />
      <CheckboxSetting id={`${nodeId}-send`} label={t("aiReply.sendReply")} checked={data.sendReply} onChange={(sendReply) => onChange({ ...data, sendReply })} />
      <TextSetting id={`${nodeId}-variable`} label={t("fields.saveAs")} hint={t("fields.saveAsHint")} value={data.variable} onChange={(variable) => onChange({ ...data, variable })} />
    </div>
  );
}
