import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";

const color: Record<string, string> = { GREEN: "bg-success", YELLOW: "bg-amber-500", RED: "bg-destructive" };

/** Meta's quality rating (GREEN / YELLOW / RED, or UNKNOWN until enough people received it). */
export function TemplateQuality({ quality }: { quality: string | null }) {
  const t = useTranslations("templates.qualities");
  const q = quality?.toUpperCase() ?? "UNKNOWN";
  const known = ["GREEN", "YELLOW", "RED", "UNKNOWN"].includes(q);
  return (
    <span className="inline-flex items-center gap-1.5 text-sm" data-quality={q}>
      <span aria-hidden="true" className={cn("size-2 rounded-full", color[q] ?? "bg-muted-foreground/40")} />
      {known ? t(q as "GREEN") : q}
    </span>
  );
}
