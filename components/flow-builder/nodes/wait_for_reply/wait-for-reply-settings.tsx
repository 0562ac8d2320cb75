"use client";

import { useTranslations } from "next-intl";

import { NumberSetting, TextSetting } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

export function WaitForReplySettings({ nodeId, data, onChange }: NodeSettingsProps<"wait_for_reply">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <NumberSetting
        id={`${nodeId}-timeout`}
        label={t("waitForReply.timeout")}
        min={1}
        max={10080}
        value={data.timeoutMinutes}
        onChange={(timeoutMinutes) => onChange({ ...data, timeoutMinutes })}
      />
      <TextSetting id={`${nodeId}-variable`} label={t("fields.saveAs")} hint={t("fields.saveAsHint")} value={data.variable} onChange={(variable) => onChange({ ...data, variable })} />
    </div>
  );
}
