"use client";

import { useTranslations } from "next-intl";

import { ItemListSetting, NumberSetting, TextAreaSetting, TextSetting, newItemId } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

export function ListSettings({ nodeId, data, onChange }: NodeSettingsProps<"list">) {
  const t = useTranslations("flowEditor");
  const rowCount = data.sections.reduce((n, s) => n + s.rows.length, 0);
  return (
    <div className="grid gap-4">
      <TextSetting id={`${nodeId}-header`} label={t("fields.header")} value={data.header} onChange={(header) => onChange({ ...data, header })} />
      <TextAreaSetting id={`${nodeId}-body`} label={t("fields.body")} hint={t("variablesHint")} value={data.body} onChange={(body) => onChange({ ...data, body })} />
      <TextSetting id={`${nodeId}-footer`} label={t("fields.footer")} value={data.footer} onChange={(footer) => onChange({ ...data, footer })} />
      <TextSetting id={`${nodeId}-button`} label={t("list.button")} value={data.button} onChange={(button) => onChange({ ...data, button })} />
      <ItemListSetting
        label={t("list.sections")}
        items={data.sections}
        onChange={(sections) => onChange({ ...data, sections })}
        newItem={() => ({ id: newItemId("s"), title: "", rows: [{ id: newItemId("r"), title: "", description: "" }] })}
        addLabel={t("list.addSection")}
        render={(section, update, i) => (
          <>
            <TextSetting id={`${nodeId}-section-${i}`} label={t("list.sectionTitle")} value={section.title} onChange={(title) => update({ ...section, title })} />
            <ItemListSetting
              label={t("list.rows")}
              items={section.rows}
              max={section.rows.length + Math.max(0, 10 - rowCount)}
              onChange={(rows) => update({ ...section, rows })}
              newItem={() => ({ id: newItemId("r"), title: "", description: "" })}
              addLabel={t("list.addRow")}
              render={(row, updateRow, j) => (
                <>
                  <TextSetting id={`${nodeId}-section-${i}-row-${j}`} label={t("list.rowTitle")} value={row.title} onChange={(title) => updateRow({ ...row, title })} />
                  <TextSetting
                    id={`${nodeId}-section-${i}-row-${j}-description`}
                    label={t("list.rowDescription")}
                    value={row.description}
                    onChange={(description) => updateRow({ ...row, description })}
                  />
                </>
              )}
            />
          </>
        )}
      />
      <TextSetting id={`${nodeId}-variable`} label={t("fields.saveAs")} hint={t("fields.saveAsHint")} value={data.variable} onChange={(variable) => onChange({ ...data, variable })} />
      <TextAreaSetting id={`${nodeId}-retry`} label={t("fields.retryMessage")} value={data.retryMessage} onChange={(retryMessage) => onChange({ ...data, retryMessage })} />
      <NumberSetting id={`${nodeId}-retries`} label={t("fields.maxRetries")} min={0} max={10} value={data.maxRetries} onChange={(maxRetries) => onChange({ ...data, maxRetries })} />
    </div>
  );
}
