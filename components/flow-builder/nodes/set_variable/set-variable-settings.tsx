"use client";

import { useTranslations } from "next-intl";

import { ItemListSetting, SelectSetting, TextSetting, newItemId } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

const tagList = (v: string) => v.split(",").map((s) => s.trim()).filter(Boolean);

export function SetVariableSettings({ nodeId, data, onChange }: NodeSettingsProps<"set_variable">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <ItemListSetting
        label={t("setVariable.assignments")}
        items={data.assignments}
        onChange={(assignments) => onChange({ ...data, assignments })}
        newItem={() => ({ id: newItemId("a"), scope: "flow" as const, name: "", value: "" })}
        addLabel={t("setVariable.add")}
        render={(a, update, i) => (
          <>
            <SelectSetting
              id={`${nodeId}-assignment-${i}-scope`}
              label={t("setVariable.scope")}
              value={a.scope}
              onChange={(scope) => update({ ...a, scope })}
              options={[
                { value: "flow", label: t("setVariable.scopes.flow") },
                { value: "contact", label: t("setVariable.scopes.contact") },
              ]}
            />
            <TextSetting id={`${nodeId}-assignment-${i}-name`} label={t("setVariable.name")} value={a.name} onChange={(name) => update({ ...a, name })} />
            <TextSetting id={`${nodeId}-assignment-${i}-value`} label={t("setVariable.value")} hint={t("variablesHint")} value={a.value} onChange={(value) => update({ ...a, value })} />
          </>
        )}
      />
      <TextSetting id={`${nodeId}-add-tags`} label={t("setVariable.addTags")} hint={t("setVariable.tagsHint")} value={data.addTags.join(", ")} onChange={(v) => onChange({ ...data, addTags: tagList(v) })} />
      <TextSetting id={`${nodeId}-remove-tags`} label={t("setVariable.removeTags")} hint={t("setVariable.tagsHint")} value={data.removeTags.join(", ")} onChange={(v) => onChange({ ...data, removeTags: tagList(v) })} />
    </div>
  );
}
