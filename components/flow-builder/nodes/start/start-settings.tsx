"use client";

import { useTranslations } from "next-intl";

import type { StartTrigger } from "@/lib/flows/nodes/start/schema";
import { CheckboxSetting, ItemListSetting, SelectSetting, TextSetting } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

const kinds = ["keyword", "first_message", "any_message", "campaign_reply", "api"] as const;

function triggerOf(kind: StartTrigger["kind"]): StartTrigger {
  switch (kind) {
    case "keyword":
      return { kind, match: "exact", keywords: [], caseSensitive: false };
    case "campaign_reply":
      return { kind, campaignId: "" };
    default:
      return { kind };
  }
}

export function StartSettings({ nodeId, data, onChange }: NodeSettingsProps<"start">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <p className="text-xs text-muted-foreground">{t("start.hint")}</p>
      <ItemListSetting
        label={t("start.triggers")}
        items={data.triggers}
        onChange={(triggers) => onChange({ ...data, triggers })}
        newItem={() => triggerOf("keyword")}
        addLabel={t("start.addTrigger")}
        render={(trigger, update, i) => (
          <>
            <SelectSetting
              id={`${nodeId}-trigger-${i}-kind`}
              label={t("start.kind")}
              value={trigger.kind}
              onChange={(kind) => update(triggerOf(kind))}
              options={kinds.map((k) => ({ value: k, label: t(`start.kinds.${k}`) }))}
            />
            {trigger.kind === "keyword" && (
              <>
                <SelectSetting
                  id={`${nodeId}-trigger-${i}-match`}
                  label={t("start.match")}
                  value={trigger.match}
                  onChange={(match) => update({ ...trigger, match })}
                  options={(["exact", "contains", "regex"] as const).map((m) => ({ value: m, label: t(`start.matches.${m}`) }))}
                />
                <TextSetting
                  id={`${nodeId}-trigger-${i}-keywords`}
                  label={t("start.keywords")}
                  hint={t("start.keywordsHint")}
                  value={trigger.keywords.join(", ")}
                  onChange={(v) => update({ ...trigger, keywords: v.split(",").map((k) => k.trim()).filter(Boolean) })}
                />
                <CheckboxSetting
                  id={`${nodeId}-trigger-${i}-case`}
                  label={t("start.caseSensitive")}
                  checked={trigger.caseSensitive}
                  onChange={(caseSensitive) => update({ ...trigger, caseSensitive })}
                />
              </>
            )}
            {trigger.kind === "campaign_reply" && (
              <TextSetting
                id={`${nodeId}-trigger-${i}-campaign`}
                label={t("start.campaignId")}
                hint={t("start.campaignIdHint")}
                value={trigger.campaignId}
                onChange={(campaignId) => update({ ...trigger, campaignId })}
              />
            )}
          </>
        )}
      />
    </div>
  );
}
