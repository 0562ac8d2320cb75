import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import type { QuestionData } from "./schema";
import { isValidCnpj, isValidCpf } from "./document-check-digits";

export type AnswerCheck = { ok: true; value: string | number } | { ok: false };

/** Checks a customer's answer for the question's kind and returns the normalised value to store. */
export function validateAnswer(text: string, data: Pick<QuestionData, "kind" | "pattern" | "defaultCountry">): AnswerCheck {
  const answer = text.trim();
  if (!answer) return { ok: false };
  switch (data.kind) {
    case "text":
      return { ok: true, value: answer };
    case "number": {
      const n = parseNumber(answer);
      return n === null ? { ok: false } : { ok: true, value: n };
    }
    case "email":
      return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(answer) ? { ok: true, value: answer.toLowerCase() } : { ok: false };
    case "phone": {
      const phone = parsePhoneNumberFromString(answer, data.defaultCountry.toUpperCase() as CountryCode);
      return phone?.isValid() ? { ok: true, value: phone.number } : { ok: false };
    }
    case "date": {
      const date = parseDate(answer);
      return date ? { ok: true, value: date } : { ok: false };
    }
    case "cpf": {
      const doc = documentChars(answer);
      return isValidCpf(doc) ? { ok: true, value: doc } : { ok: false };
    }
    case "cnpj": {
      const doc = documentChars(answer);
      return isValidCnpj(doc) ? { ok: true, value: doc } : { ok: false };
    }
    case "document": {
      const doc = documentChars(answer);
      return isValidCpf(doc) || isValidCnpj(doc) ? { ok: true, value: doc } : { ok: false };
    }
    case "regex":
      try {
        return new RegExp(data.pattern).test(answer) ? { ok: true, value: answer } : { ok: false };
      } catch {
        return { ok: false };
      }
  }
}

/** "12", "-3.5", "3,5" and Brazilian "1.234,56" (dots as thousands separators when a comma is the decimal mark). */
function parseNumber(s: string): number | null {
  const compact = s.replace(/\s/g, "");
  let normalised = compact;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) normalised = compact.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d+,\d+$/.test(compact)) normalised = compact.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

/** dd/mm/yyyy (also with - or .) or ISO yyyy-mm-dd, a real calendar day; stored as yyyy-mm-dd. */
function parseDate(s: string): string | null {
  let y: number, m: number, d: number;
  const br = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (br) [d, m, y] = [Number(br[1]), Number(br[2]), Number(br[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Punctuation removed, letters upper-cased (alphanumeric CNPJs exist since July 2026). */
function documentChars(s: string): string {
  return s.replace(/[\s./-]/g, "").toUpperCase();
}
