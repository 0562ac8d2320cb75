"use client";

import { useTranslations } from "next-intl";

import { conditionOperators } from "@/lib/flows/nodes/condition/schema";
import { ItemListSetting, SelectSetting, TextSetting, newItemId } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

const newComparison = () => ({ id: newItemId("k"), left: "", operator: "equals" as const, right: "" });

export function ConditionSettings({ nodeId, data, onChange }: NodeSettingsProps<"condition">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <p className="text-xs text-muted-foreground">{t("condition.hint")}</p>
      <ItemListSetting
        label={t("condition.rules")}
        items={data.rules}
        onChange={(rules) => onChange({ ...data, rules })}
        newItem={() => ({ id: newItemId("c"), label: "", combinator: "and" as const, comparisons: [newComparison()] })}
        addLabel={t("condition.addRule")}
        render={(rule, update, i) => (
          <>
            <TextSetting id={`${nodeId}-rule-${i}-label`} label={t("condition.ruleLabel")} value={rule.label} onChange={(label) => update({ ...rule, label })} />
            <SelectSetting
              id={`${nodeId}-rule-${i}-combinator`}
              label={t("condition.combinator")}
              value={rule.combinator}
              onChange={(combinator) => update({ ...rule, combinator })}
              options={[
                { value: "and", label: t("condition.and") },
                { value: "or", label: t("condition.or") },
              ]}
            />
            <ItemListSetting
              label={t("condition.comparisons")}
              items={rule.comparisons}
              onChange={(comparisons) => update({ ...rule, comparisons })}
              newItem={newComparison}
              addLabel={t("condition.addComparison")}
              render={(c, updateC, j) => (
                <>
                  <TextSetting id={`${nodeId}-rule-${i}-${j}-left`} label={t("condition.left")} hint={t("condition.leftHint")} value={c.left} onChange={(left) => updateC({ ...c, left })} />
                  <SelectSetting
                    id={`${nodeId}-rule-${i}-${j}-operator`}
                    label={t("condition.operator")}
                    value={c.operator}
                    onChange={(operator) => updateC({ ...c, operator })}
                    options={conditionOperators.map((o) => ({ value: o, label: t(`condition.operators.${o}`) }))}
                  />
                  {c.operator !== "is_set" && c.operator !== "is_empty" && (
                    <TextSetting id={`${nodeId}-rule-${i}-${j}-right`} label={t("condition.right")} value={c.right} onChange={(right) => updateC({ ...c, right })} />
                  )}
                </>
              )}
            />
          </>
        )}
      />
    </div>
  );
}
