import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { normalizePhone } from "@/lib/whatsapp/normalize-phone";

/** DD + 8 digits starting 6–9: what lib/whatsapp/normalize-phone.ts folds to the 9-digit form. */
const OLD_BR_MOBILE = /^[1-9][1-9][6-9]\d{7}$/;

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
  // Fast path (most rows of a big import): a valid number that is not an old 8-digit Brazilian mobile is already
  // what folding would return — skipping the fold's two extra parses halves the import's time in this function.
  if (!(parsed.countryCallingCode === "55" && OLD_BR_MOBILE.test(parsed.nationalNumber)) && parsed.isValid()) return parsed.number;
  // An old 8-digit Brazilian mobile is not a valid number any more, but it is a WhatsApp account: fold it first.
  const folded = normalizePhone(parsed.number);
  return folded && parsePhoneNumberFromString(folded)?.isValid() ? folded : null;
}
