import type { Locale } from "@/lib/i18n/locales";
import type messages from "@/lib/i18n/messages/en.json";

/** Type-checks every translation key (and the locale) against the English catalogue. */
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
