/** The Intl locale for a WhatsApp template language code ("pt_BR" → "pt-BR", "en_US" → "en-US"). */
export function localeOfTemplateLanguage(language: string): string {
  return language.replace("_", "-");
}

/**
 * The appointment's date and time in its own time zone and the customer's language: "Dec 10, 2026" / "2:30 PM",
 * "10/12/2026" / "14:30", and both together for a reminder's `when` ("Thursday, Dec 10 at 2:30 PM").
 */
export function formatAppointmentTime(startsAt: Date, timeZone: string, locale: string) {
  const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone, ...o }).format(startsAt);
  const date = fmt({ dateStyle: "medium" });
  const time = fmt({ timeStyle: "short" });
  const weekday = fmt({ weekday: "long", day: "numeric", month: "short" });
  const at = locale.startsWith("pt") ? "às" : "at";
  return { date, time, when: `${weekday} ${at} ${time}` };
}
