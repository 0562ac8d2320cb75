"use client";

import { useParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";

import { ItemListSetting, NumberSetting, SelectSetting, TextAreaSetting, TextSetting, newItemId } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export function HttpRequestSettings({ nodeId, data, onChange }: NodeSettingsProps<"http_request">) {
  const t = useTranslations("flowEditor");
  const { orgSlug } = useParams<{ orgSlug: string }>();
  // The organization's named connections (Settings → Integrations): the node names one, never holds its secrets.
  const connections = useQuery({
    queryKey: ["integrations", orgSlug],
    queryFn: () => apiFetch<{ connections: { name: string; baseUrl: string }[] }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/integrations`),
    enabled: !!orgSlug,
  });
  const names = connections.data?.connections.map((c) => c.name) ?? [];
  const chosen = connections.data?.connections.find((c) => c.name === data.connection);
  return (
    <div className="grid gap-4">
      <SelectSetting id={`${nodeId}-method`} label={t("httpRequest.method")} value={data.method} onChange={(method) => onChange({ ...data, method })} options={methods.map((m) => ({ value: m, label: m }))} />
      <SelectSetting
        id={`${nodeId}-connection`}
        label={t("httpRequest.connection")}
        value={data.connection}
        onChange={(connection) => onChange({ ...data, connection })}
        options={[{ value: "", label: t("httpRequest.noConnection") }, ...[...new Set([...names, ...(data.connection ? [data.connection] : [])])].map((n) => ({ value: n, label: n }))]}
      />
      <TextSetting
        id={`${nodeId}-url`}
        label={data.connection ? t("httpRequest.connectionPath") : t("httpRequest.url")}
        hint={data.connection ? t("httpRequest.connectionPathHint", { base: chosen?.baseUrl ?? data.connection }) : t("httpRequest.urlHint")}
        value={data.url}
        onChange={(url) => onChange({ ...data, url })}
      />
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
