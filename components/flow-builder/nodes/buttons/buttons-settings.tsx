"use client";

import { useTranslations } from "next-intl";

import { ItemListSetting, NumberSetting, TextAreaSetting, TextSetting, newItemId } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

export function ButtonsSettings({ nodeId, data, onChange }: NodeSettingsProps<"buttons">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <TextSetting id={`${nodeId}-header`} label={t("fields.header")} value={data.header} onChange={(header) => onChange({ ...data, header })} />
      <TextAreaSetting id={`${nodeId}-body`} label={t("fields.body")} hint={t("variablesHint")} value={data.body} onChange={(body) => onChange({ ...data, body })} />
      <TextSetting id={`${nodeId}-footer`} label={t("fields.footer")} value={data.footer} onChange={(footer) => onChange({ ...data, footer })} />
      <ItemListSetting
        label={t("buttons.buttons")}
        items={data.buttons}
        max={3}
        onChange={(buttons) => onChange({ ...data, buttons })}
        newItem={() => ({ id: newItemId("b"), title: "" })}
        addLabel={t("buttons.add")}
        render={(button, update, i) => (
          <TextSetting id={`${nodeId}-button-${i}`} label={t("buttons.title", { n: i + 1 })} hint={t("buttons.titleHint")} value={button.title} onChange={(title) => update({ ...button, title })} />
        )}
      />
      <TextSetting id={`${nodeId}-variable`} label={t("fields.saveAs")} hint={t("fields.saveAsHint")} value={data.variable} onChange={(variable) => onChange({ ...data, variable })} />
      <TextAreaSetting id={`${nodeId}-retry`} label={t("fields.retryMessage")} value={data.retryMessage} onChange={(retryMessage) => onChange({ ...data, retryMessage })} />
      <NumberSetting id={`${nodeId}-retries`} label={t("fields.maxRetries")} min={0} max={10} value={data.maxRetries} onChange={(maxRetries) => onChange({ ...data, maxRetries })} />
    </div>
  );
}
