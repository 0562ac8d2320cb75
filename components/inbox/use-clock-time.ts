"use client";

import * as React from "react";
import { useLocale } from "next-intl";

/**
 * Formats a timestamp as a clock time in the person's language (their Papo setting, not the browser's: a
 * Portuguese user on an English browser reads "15:45", not "03:45 PM"), like the conversation list does.
 */
export function useClockTime(): (iso: string) => string {
  const locale = useLocale();
  return React.useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });
    return (iso: string) => format.format(new Date(iso));
  }, [locale]);
}
