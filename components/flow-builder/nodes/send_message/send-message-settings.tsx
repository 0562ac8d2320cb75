"use client";

import { useTranslations } from "next-intl";

import { SelectSetting, TextAreaSetting, TextSetting } from "../../settings-fields";
import type { NodeSettingsProps } from "../node-editor";

const kinds = ["none", "image", "video", "audio", "document"] as const;

export function SendMessageSettings({ nodeId, data, onChange }: NodeSettingsProps<"send_message">) {
  const t = useTranslations("flowEditor");
  return (
    <div className="grid gap-4">
      <TextAreaSetting id={`${nodeId}-text`} label={t("sendMessage.text")} hint={t("variablesHint")} value={data.text} onChange={(text) => onChange({ ...data, text })} />
      <SelectSetting
        id={`${nodeId}-media-kind`}
        label={t("sendMessage.media")}
        value={data.media?.kind ?? "none"}
        onChange={(kind) => onChange({ ...data, media: kind === "none" ? null : { kind, url: data.media?.url ?? "", filename: data.media?.filename ?? "" } })}
        options={kinds.map((k) => ({ value: k, label: t(`sendMessage.kinds.${k}`) }))}
      />
      {data.media && (
        <>
          <TextSetting id={`${nodeId}-media-url`} label={t("sendMessage.mediaUrl")} value={data.media.url} onChange={(url) => onChange({ ...data, media: { ...data.media!, url } })} />
          {data.media.kind === "document" && (
            <TextSetting
              id={`${nodeId}-media-filename`}
              label={t("sendMessage.filename")}
              value={data.media.filename}
              onChange={(filename) => onChange({ ...data, media: { ...data.media!, filename } })}
            />
          )}
        </>
      )}
    </div>
  );
}
