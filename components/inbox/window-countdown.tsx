"use client";

import { ClockIcon } from "lucide-react";
import { useNow, useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";

/** Whether free-form messages may be sent now (README: only before windowExpiresAt). */
export function windowOpen(windowExpiresAt: string | null, now: Date): boolean {
  return windowExpiresAt !== null && Date.parse(windowExpiresAt) > now.getTime();
}

/** The time left in WhatsApp's 24-hour customer-service window; amber in the last hour. */
export function WindowCountdown({ windowExpiresAt }: { windowExpiresAt: string | null }) {
  const t = useTranslations("inbox.window");
  const now = useNow({ updateInterval: 30_000 });
  const left = windowExpiresAt ? Date.parse(windowExpiresAt) - now.getTime() : -1;
  const open = left > 0;
  const hours = Math.floor(left / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  return (
    <span
      data-testid="window-countdown"
      data-open={open}
      className={cn("flex items-center gap-1 text-xs", open ? (left < 3_600_000 ? "text-amber-600" : "text-muted-foreground") : "text-destructive")}
    >
      <ClockIcon aria-hidden="true" className="size-3.5" />
      {open ? t("closesIn", { hours, minutes }) : windowExpiresAt ? t("closed") : t("never")}
    </span>
  );
}
