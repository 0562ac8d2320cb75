"use client";

import { useTranslations } from "next-intl";

import type { Preset } from "./use-analytics-range";

type RangePickerProps = {
  preset: Preset;
  onPreset: (p: Preset) => void;
  channels?: { id: string; label: string }[];
  channelId?: string;
  onChannel?: (id: string) => void;
  children?: React.ReactNode;
};

/** Period presets and, where the report splits by number, a channel filter; `children` go at the end (CSV links). */
export function RangePicker({ preset, onPreset, channels, channelId, onChannel, children }: RangePickerProps) {
  const t = useTranslations("analytics");
  const select = "h-9 max-w-full min-w-0 rounded-md border bg-background px-2 text-sm";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="text-sm text-muted-foreground" htmlFor="analytics-range">
        {t("range.label")}
      </label>
      <select id="analytics-range" value={preset} onChange={(e) => onPreset(e.target.value as Preset)} className={select}>
        {(["last7", "last30", "last90"] as const).map((p) => (
          <option key={p} value={p}>
            {t(`range.${p}`)}
          </option>
        ))}
      </select>
      {channels && onChannel && (
        <select aria-label={t("range.channel")} value={channelId} onChange={(e) => onChannel(e.target.value)} className={select}>
          <option value="">{t("range.allChannels")}</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      )}
      <div className="ml-auto flex flex-wrap gap-2">{children}</div>
    </div>
  );
}
