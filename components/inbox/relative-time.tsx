"use client";

import { useLocale } from "next-intl";

// One set of formatters per locale: creating Intl.DateTimeFormat is the expensive part, and the list formats a
// time for every row that scrolls into view.
const cache = new Map<string, { time: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();
function formatters(locale: string) {
  let f = cache.get(locale);
  if (!f) {
    f = {
      time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }),
      weekday: new Intl.DateTimeFormat(locale, { weekday: "short" }),
      date: new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit" }),
    };
    cache.set(locale, f);
  }
  return f;
}

/** "14:05" today, "Mon" this week, a date before that: what a chat list shows (the reader's time zone). */
export function listTime(value: string, now: Date, locale: string): string {
  const date = new Date(value);
  const f = formatters(locale);
  if (date.toDateString() === now.toDateString()) return f.time.format(date);
  if (now.getTime() - date.getTime() < 6 * 24 * 3600_000) return f.weekday.format(date);
  return f.date.format(date);
}

export function RelativeTime({ value, now }: { value: string; now?: Date }) {
  const locale = useLocale();
  return <time dateTime={value}>{listTime(value, now ?? new Date(), locale)}</time>;
}
