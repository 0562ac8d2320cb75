import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { sessionUserId } from "@/lib/auth/actor";
import { findUserById } from "@/lib/users/find-user-by-id";
import { isLocale, localeFromAcceptLanguage, type Locale } from "./locales";

/** The language follows the person's own setting, else the browser's. */
export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages, timeZone: "UTC" };
});

async function resolveLocale(): Promise<Locale> {
  const userId = await sessionUserId().catch(() => null);
  if (userId) {
    const user = await findUserById(userId);
    if (isLocale(user?.locale)) return user.locale;
  }
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}
