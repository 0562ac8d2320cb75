"use client";

import { useTranslations } from "next-intl";

import { TextAreaSetting, TextSetting } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

export function HandoffSettings({ nodeId, data, onChange }: NodeSettingsProps<"handoff">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <p className="text-xs text-muted-foreground">{t("handoff.hint")}</p>
      <TextAreaSetting id={`${nodeId}-message`} label={t("handoff.message")} hint={t("variablesHint")} value={data.message} onChange={(message) => onChange({ ...data, message })} />
      <TextSetting id={`${nodeId}-department`} label={t("handoff.departmentId")} value={data.departmentId} onChange={(departmentId) => onChange({ ...data, departmentId })} />
      <TextSetting id={`${nodeId}-assignee`} label={t("handoff.assigneeId")} value={data.assigneeId} onChange={(assigneeId) => onChange({ ...data, assigneeId })} />
      <TextAreaSetting id={`${nodeId}-note`} label={t("handoff.note")} value={data.note} onChange={(note) => onChange({ ...data, note })} />
    </div>
  );
}
