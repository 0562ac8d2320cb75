import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * A WhatsApp phone (`from`, `wa_id`: digits without "+") as E.164, or null when there is none or it is not a
 * phone number. Brazilian mobiles are canonicalised to the 9-digit form: WhatsApp still reports many accounts
 * created before the ninth digit as `+55 DD XXXX-XXXX`, and the same person must be one contact either way.
 */
export function normalizePhone(input: string | null | undefined): string | null {
  if (!input) return null;
  const digits = input.replace(/\D/g, "");
  if (digits.length < 6 || digits.length > 15) return null;
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  if (!parsed) return null;
  if (parsed.countryCallingCode === "55") return brazilianMobile(parsed.nationalNumber) ?? parsed.number;
  return parsed.isPossible() ? parsed.number : null;
}

/** DD + 8-digit subscriber starting 6–9 is a pre-2016 mobile: the ninth digit goes in front of the subscriber. */
function brazilianMobile(national: string): string | null {
  if (national.length !== 10 || !/^[1-9][1-9][6-9]/.test(national)) return null;
  const candidate = parsePhoneNumberFromString(`+55${national.slice(0, 2)}9${national.slice(2)}`);
  return candidate?.isValid() ? candidate.number : null;
}
