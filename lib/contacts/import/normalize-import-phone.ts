import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { normalizePhone } from "@/lib/whatsapp/normalize-phone";

/**
 * A phone number as people type it in a spreadsheet ("(11) 98888-7777", "+55 11 8888 7777", "011 98888 7777")
 * as E.164, read in the organization's default country when it has no country code, then folded like inbound
 * numbers (the Brazilian ninth digit), so an imported contact is the same row the customer's first message finds.
 * Null when it is not a valid number.
 */
export function normalizeImportPhone(raw: string, defaultCountry: string): string | null {
  const text = raw.trim();
  if (!text || text.length > 40) return null;
  const international = text.startsWith("+") || text.startsWith("00");
  const parsed = parsePhoneNumberFromString(text.startsWith("00") ? `+${text.slice(2)}` : text, international ? undefined : (defaultCountry as CountryCode));
  if (!parsed) return null;
  // An old 8-digit Brazilian mobile is not a valid number any more, but it is a WhatsApp account: fold it first.
  const folded = normalizePhone(parsed.number);
  return folded && parsePhoneNumberFromString(folded)?.isValid() ? folded : null;
}
