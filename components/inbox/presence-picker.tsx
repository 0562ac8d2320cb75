"use client";

import { useTranslations } from "next-intl";

import type { PresenceStatus } from "./types";

/** The agent's own availability (auto-assignment only picks agents who are online). */
export function PresencePicker({ value, onChange, disabled }: { value: PresenceStatus; onChange: (s: PresenceStatus) => void; disabled?: boolean }) {
  const t = useTranslations("inbox.presence");
  return (
    <label className="flex items-center gap-1.5 text-xs">
      <span className={value === "online" ? "size-2 rounded-full bg-success" : value === "away" ? "size-2 rounded-full bg-warning" : "size-2 rounded-full bg-muted-foreground"} aria-hidden="true" />
      <span className="sr-only">{t("label")}</span>
      <select aria-label={t("label")} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as PresenceStatus)} className="h-7 rounded border bg-background px-1 text-xs">
        {(["online", "away", "offline"] as const).map((s) => (
          <option key={s} value={s}>
            {t(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
