"use client";

import { useTranslations } from "next-intl";

import { SelectSetting } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

export function JumpToFlowSettings({ nodeId, data, onChange, options }: NodeSettingsProps<"jump_to_flow">) {
  const t = useTranslations("flowEditor");
  const flows = options.flows.filter((f) => f.id !== options.currentFlowId);
  return (
    <div className="grid gap-4">
      <SelectSetting
        id={`${nodeId}-flow`}
        label={t("jumpToFlow.flow")}
        hint={t("jumpToFlow.hint")}
        value={data.flowId}
        onChange={(flowId) => onChange({ ...data, flowId })}
        options={[{ value: "", label: t("jumpToFlow.choose") }, ...flows.map((f) => ({ value: f.id, label: f.name }))]}
      />
    </div>
  );
}
