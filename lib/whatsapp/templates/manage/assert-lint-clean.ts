import { AppError } from "@/lib/errors";
import { lintTemplateDraft } from "../draft/lint-template-draft";
import { templateLintMessage } from "../draft/template-lint-message";
import type { TemplateDraft } from "../draft/template-draft-schema";

/** The server's side of "lint as you type": a draft Meta would refuse is a 422 naming each field, before any call. */
export function assertLintClean(draft: TemplateDraft): void {
  const issues = lintTemplateDraft(draft);
  if (!issues.length) return;
  const fieldIssues = issues.map((i) => ({ path: i.path, message: templateLintMessage(i), code: i.code }));
  throw new AppError("invalid_input", `The template breaks Meta's rules: ${fieldIssues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, fieldIssues);
}
