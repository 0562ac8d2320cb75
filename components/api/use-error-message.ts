"use client";

import { useTranslations } from "next-intl";

import { ApiError } from "./api-fetch";

/**
 * Turns a failed mutation into a sentence for the user. The API's own message is specific ("Only owners can
 * grant the owner role"), so it is preferred; transport and server failures get a translated generic text.
 */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return (error: unknown): string | null => {
    if (!error) return null;
    if (!(error instanceof ApiError)) return t("generic");
    if (error.status === 0) return t("network");
    if (error.status >= 500) return t("generic");
    if (error.issues.length > 0) return error.issues.map((i) => i.message).join(" ");
    if (error.message) return error.message;
    if (error.status === 403) return t("forbidden");
    if (error.status === 404) return t("notFound");
    return t("generic");
  };
}
