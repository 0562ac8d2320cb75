"use client";

import { useTranslations } from "next-intl";

import { TextAreaSetting } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

export function EndSettings({ nodeId, data, onChange }: NodeSettingsProps<"end">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <TextAreaSetting id={`${nodeId}-message`} label={t("end.message")} hint={t("variablesHint")} value={data.message} onChange={(message) => onChange({ ...data, message })} />
    </div>
  );
}
