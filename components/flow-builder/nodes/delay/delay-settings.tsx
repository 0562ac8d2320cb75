"use client";

import { useTranslations } from "next-intl";

import { NumberSetting } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

export function DelaySettings({ nodeId, data, onChange }: NodeSettingsProps<"delay">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <NumberSetting id={`${nodeId}-seconds`} label={t("delay.seconds")} hint={t("delay.hint")} min={1} max={604800} value={data.seconds} onChange={(seconds) => onChange({ ...data, seconds })} />
    </div>
  );
}
