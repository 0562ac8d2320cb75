"use client";

import { useTranslations } from "next-intl";

import { ItemListSetting, NumberSetting, SelectSetting, TextAreaSetting, TextSetting, newItemId } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export function HttpRequestSettings({ nodeId, data, onChange }: NodeSettingsProps<"http_request">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <SelectSetting id={`${nodeId}-method`} label={t("httpRequest.method")} value={data.method} onChange={(method) => onChange({ ...data, method })} options={methods.map((m) => ({ value: m, label: m }))} />
      <TextSetting id={`${nodeId}-url`} label={t("httpRequest.url")} hint={t("httpRequest.urlHint")} value={data.url} onChange={(url) => onChange({ ...data, url })} />
      <ItemListSetting
        label={t("httpRequest.headers")}
        items={data.headers}
        onChange={(headers) => onChange({ ...data, headers })}
        newItem={() => ({ id: newItemId("h"), name: "", value: "" })}
        addLabel={t("httpRequest.addHeader")}
        render={(h, update, i) => (
          <>
            <TextSetting id={`${nodeId}-header-${i}-name`} label={t("httpRequest.headerName")} value={h.name} onChange={(name) => update({ ...h, name })} />
            <TextSetting id={`${nodeId}-header-${i}-value`} label={t("httpRequest.headerValue")} value={h.value} onChange={(value) => update({ ...h, value })} />
          </>
        )}
      />
      {data.method !== "GET" && data.method !== "DELETE" && (
        <TextAreaSetting id={`${nodeId}-body`} label={t("httpRequest.body")} hint={t("variablesHint")} value={data.body} onChange={(body) => onChange({ ...data, body })} />
      )}
      <NumberSetting id={`${nodeId}-timeout`} label={t("httpRequest.timeout")} min={100} max={30000} step={100} value={data.timeoutMs} onChange={(timeoutMs) => onChange({ ...data, timeoutMs })} />
      <ItemListSetting
        label={t("httpRequest.mappings")}
        items={data.responseMappings}
        onChange={(responseMappings) => onChange({ ...data, responseMappings })}
        newItem={() => ({ id: newItemId("m"), path: "", variable: "" })}
        addLabel={t("httpRequest.addMapping")}
        render={(m, update, i) => (
          <>
            <TextSetting id={`${nodeId}-mapping-${i}-path`} label={t("httpRequest.path")} hint={t("httpRequest.pathHint")} value={m.path} onChange={(path) => update({ ...m, path })} />
            <TextSetting id={`${nodeId}-mapping-${i}-variable`} label={t("httpRequest.variable")} value={m.variable} onChange={(variable) => update({ ...m, variable })} />
          </>
        )}
      />
      <TextSetting id={`${nodeId}-status-variable`} label={t("httpRequest.statusVariable")} value={data.statusVariable} onChange={(statusVariable) => onChange({ ...data, statusVariable })} />
    </div>
  );
}
