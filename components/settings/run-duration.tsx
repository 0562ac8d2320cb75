import { useFormatter, useTranslations } from "next-intl";

/** A duration in the reader's language: milliseconds under a second, seconds under a minute, then minutes. */
export function RunDuration({ ms }: { ms: number | null }) {
  const t = useTranslations("runs");
  const format = useFormatter();
  if (ms === null) return <span className="text-muted-foreground">—</span>;
  if (ms < 1000) return <>{t("durationMs", { value: format.number(ms) })}</>;
  if (ms < 60_000) return <>{t("durationS", { value: format.number(ms / 1000, { maximumFractionDigits: 1 }) })}</>;
  return <>{t("durationMin", { value: format.number(ms / 60_000, { maximumFractionDigits: 1 }) })}</>;
}
