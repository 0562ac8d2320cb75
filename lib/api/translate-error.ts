import en from "@/lib/i18n/messages/en.json";
import ptBR from "@/lib/i18n/messages/pt-BR.json";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import type { ErrorBody, ErrorCode } from "@/lib/errors";

const messages: Record<string, Partial<Record<ErrorCode, string>>> = { en: en.apiErrors, "pt-BR": ptBR.apiErrors };

/**
 * An error body in the caller's language (Accept-Language): English keeps the specific message the code raised;
 * another language gets its translation of the code's message (lib/i18n/messages/*.json `apiErrors`). Field issues
 * stay as they are, so a client still learns which field was wrong.
 */
export function translateErrorBody(body: ErrorBody, acceptLanguage: string | null): ErrorBody {
  const locale = localeFromAcceptLanguage(acceptLanguage);
  if (locale === "en") return body;
  const message = messages[locale]?.[body.error.code];
  return message ? { error: { ...body.error, message } } : body;
}

export function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}
