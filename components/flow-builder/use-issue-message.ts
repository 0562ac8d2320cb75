"use client";

import { useLocale, useTranslations } from "next-intl";

import type { GraphIssue } from "@/lib/flows/validate-graph";

/**
 * The validator (lib/flows/validate-graph) writes English messages and a stable `code`. English readers get the
 * validator's own, specific message; other languages get the code's translation plus the specific part the
 * message quotes (an exit, a variable, a limit), so "The exit "Suporte" is not connected" still names "Suporte".
 */
export function useIssueMessage() {
  const locale = useLocale();
  const t = useTranslations("flowEditor.issueCodes");
  return (issue: GraphIssue): string => {
    if (locale === "en") return issue.message;
    const key = issue.code === "missing_exit" && issue.severity === "warning" ? "missing_optional_exit" : issue.code;
    const detail = issue.message.match(/\{\{[^}]+\}\}|"[^"]+"/)?.[0];
    return detail ? `${t(key)} (${detail})` : t(key);
  };
}
