"use client";

import { useTranslations } from "next-intl";

import type { TemplateLintIssue } from "@/lib/whatsapp/templates/draft/lint-template-draft";

/** A lint issue in the reader's language (messages `templates.lint.<code>`); variable names shown as `{{name}}`. */
export function useLintMessage() {
  const t = useTranslations("templates.lint");
  return (issue: TemplateLintIssue) => {
    const v = issue.values ?? {};
    const wrap = (x: unknown) => (x === undefined ? "" : `{{${String(x)}}}`);
    return t(issue.code, {
      max: v.max ?? "",
      variable: wrap(v.variable ?? ""),
      first: wrap(v.first),
      second: wrap(v.second),
      last: wrap(v.count),
      format: String(v.format ?? ""),
    });
  };
}
