import type { TemplateButton, TemplateDraft } from "./template-draft-schema";
import { templateVariables, type TemplateVariable } from "./template-variables";

/**
 * Meta's rules for a template, checked before submitting (and as the author types): each issue names the field it
 * belongs to (`body.text`, `buttons.1.url`, `body.examples.first_name`) and a code the UI translates
 * (messages `templates.lint.<code>`, English in template-lint-message.ts). Rules from Meta's template docs
 * (/work/shared/meta/REFERENCE.md §4.2): name lowercase/digits/underscores ≤ 512; header text ≤ 60, one line, at
 * most one variable; body ≤ 1024; footer ≤ 60 without variables; button text ≤ 25 and unique; ≤ 10 buttons, ≤ 2
 * URL, ≤ 1 phone, ≤ 1 copy code, quick replies grouped; URL ≤ 2000 with its only variable at the end; variables not
 * at the start or end, never adjacent, one format, numbered 1…n, each with an example.
 */
export type TemplateLintIssue = { path: string; code: TemplateLintCode; values?: Record<string, string | number> };

export const LIMITS = {
  name: 512,
  headerText: 60,
  body: 1024,
  footer: 60,
  buttonText: 25,
  url: 2000,
  buttons: 10,
  urlButtons: 2,
  phoneButtons: 1,
  copyCodeButtons: 1,
  copyCode: 15,
  phone: 20,
  codeExpirationMinutes: 90,
} as const;

export const templateLintCodes = [
  "name_required",
  "name_format",
  "name_too_long",
  "language_format",
  "header_text_required",
  "header_too_long",
  "header_newline",
  "header_too_many_variables",
  "header_sample_missing",
  "header_not_allowed",
  "body_required",
  "body_too_long",
  "variable_malformed",
  "variable_at_start",
  "variable_at_end",
  "variables_adjacent",
  "variables_mixed",
  "variable_wrong_format",
  "variables_not_sequential",
  "example_missing",
  "footer_too_long",
  "footer_variable",
  "too_many_buttons",
  "too_many_url_buttons",
  "too_many_phone_buttons",
  "too_many_copy_code_buttons",
  "quick_replies_not_grouped",
  "button_text_required",
  "button_text_too_long",
  "button_text_duplicate",
  "url_invalid",
  "url_too_long",
  "url_variable_not_at_end",
  "url_example_missing",
  "url_example_mismatch",
  "phone_invalid",
  "copy_code_missing",
  "copy_code_too_long",
  "otp_only_authentication",
  "authentication_needs_otp",
  "authentication_button_not_allowed",
  "code_expiration_range",
] as const;
export type TemplateLintCode = (typeof templateLintCodes)[number];

export function lintTemplateDraft(draft: TemplateDraft): TemplateLintIssue[] {
  const issues: TemplateLintIssue[] = [];
  const add = (path: string, code: TemplateLintCode, values?: TemplateLintIssue["values"]) => issues.push({ path, code, ...(values && { values }) });
  const auth = draft.category === "AUTHENTICATION";

  if (!draft.name.trim()) add("name", "name_required");
  else if (!/^[a-z0-9_]+$/.test(draft.name)) add("name", "name_format");
  if (draft.name.length > LIMITS.name) add("name", "name_too_long", { max: LIMITS.name });
  if (!/^[a-z]{2,3}(_[A-Z]{2,4})?$/.test(draft.language)) add("language", "language_format");

  lintHeader(draft, auth, add);
  if (auth) lintAuthentication(draft, add);
  else lintBody(draft, add);

  if (draft.footer.length > LIMITS.footer) add("footer", "footer_too_long", { max: LIMITS.footer });
  if (templateVariables(draft.footer).variables.length || draft.footer.includes("{{")) add("footer", "footer_variable");

  lintButtons(draft.buttons, auth, add);
  return issues;
}

type Add = (path: string, code: TemplateLintCode, values?: TemplateLintIssue["values"]) => void;

function lintHeader(draft: TemplateDraft, auth: boolean, add: Add) {
  const h = draft.header;
  if (h.type === "none") return;
  if (auth) return add("header.type", "header_not_allowed");
  if (h.type === "text") {
    if (!h.text.trim()) add("header.text", "header_text_required");
    if (h.text.length > LIMITS.headerText) add("header.text", "header_too_long", { max: LIMITS.headerText });
    if (/[\r\n]/.test(h.text)) add("header.text", "header_newline");
    const vars = lintVariables(h.text, "header", draft.parameterFormat, h.examples, add);
    if (new Set(vars.map((v) => v.name)).size > 1) add("header.text", "header_too_many_variables");
    return;
  }
  if (h.type !== "location" && !h.handle.trim()) add("header.handle", "header_sample_missing");
}

function lintBody(draft: TemplateDraft, add: Add) {
  const { text } = draft.body;
  if (!text.trim()) return add("body.text", "body_required");
  if (text.length > LIMITS.body) add("body.text", "body_too_long", { max: LIMITS.body });
  lintVariables(text, "body", draft.parameterFormat, draft.body.examples, add);
}

/** The rules every text with variables shares (header, body); returns the well-formed variables. */
function lintVariables(
  text: string,
  field: "header" | "body",
  format: TemplateDraft["parameterFormat"],
  examples: Record<string, string>,
  add: Add,
): TemplateVariable[] {
  const path = `${field}.text`;
  const { variables, malformed } = templateVariables(text);
  if (malformed.length) add(path, "variable_malformed", { variable: malformed[0] });
  if (!variables.length) return variables;
  const trimmedStart = text.length - text.trimStart().length;
  const trimmedEnd = text.trimEnd().length;
  // Meta's start/end rule is the body's: a header may well be "Order {{1}}".
  if (field === "body" && variables[0].start === trimmedStart) add(path, "variable_at_start");
  if (field === "body" && variables[variables.length - 1].end === trimmedEnd) add(path, "variable_at_end");
  for (let i = 1; i < variables.length; i++) {
    if (!text.slice(variables[i - 1].end, variables[i].start).trim()) {
      add(path, "variables_adjacent", { first: variables[i - 1].name, second: variables[i].name });
      break;
    }
  }
  const kinds = new Set(variables.map((v) => v.kind));
  if (kinds.size > 1) add(path, "variables_mixed");
  else if (!kinds.has(format)) add(path, "variable_wrong_format", { format });
  else if (format === "positional") {
    const numbers = [...new Set(variables.map((v) => Number(v.name)))].sort((a, b) => a - b);
    if (numbers.some((n, i) => n !== i + 1)) add(path, "variables_not_sequential", { count: numbers.length });
  }
  for (const name of new Set(variables.map((v) => v.name))) {
    if (!examples[name]?.trim()) add(`${field}.examples.${name}`, "example_missing", { variable: name });
  }
  return variables;
}

function lintAuthentication(draft: TemplateDraft, add: Add) {
  const minutes = draft.authentication.codeExpirationMinutes;
  if (minutes !== null && (minutes < 1 || minutes > LIMITS.codeExpirationMinutes)) {
    add("authentication.codeExpirationMinutes", "code_expiration_range", { max: LIMITS.codeExpirationMinutes });
  }
  const otp = draft.buttons.filter((b) => b.type === "otp");
  if (otp.length !== 1) add("buttons", "authentication_needs_otp");
  draft.buttons.forEach((b, i) => {
    if (b.type !== "otp") add(`buttons.${i}`, "authentication_button_not_allowed");
  });
}

function lintButtons(buttons: TemplateButton[], auth: boolean, add: Add) {
  if (buttons.length > LIMITS.buttons) add("buttons", "too_many_buttons", { max: LIMITS.buttons });
  const count = (type: TemplateButton["type"]) => buttons.filter((b) => b.type === type).length;
  if (count("url") > LIMITS.urlButtons) add("buttons", "too_many_url_buttons", { max: LIMITS.urlButtons });
  if (count("phone_number") > LIMITS.phoneButtons) add("buttons", "too_many_phone_buttons", { max: LIMITS.phoneButtons });
  if (count("copy_code") > LIMITS.copyCodeButtons) add("buttons", "too_many_copy_code_buttons", { max: LIMITS.copyCodeButtons });

  // Quick replies and the other buttons are two groups: Meta refuses a quick reply between two others.
  const kinds = buttons.map((b) => (b.type === "quick_reply" ? "q" : "o")).join("").replace(/(.)\1+/g, "$1");
  if (kinds.length > 2) add("buttons", "quick_replies_not_grouped");

  const seen = new Set<string>();
  buttons.forEach((b, i) => {
    const path = `buttons.${i}`;
    if (b.type === "otp" && !auth) add(path, "otp_only_authentication");
    if ("text" in b && b.type !== "otp") {
      if (!b.text.trim()) add(`${path}.text`, "button_text_required");
      else if (seen.has(b.text.trim().toLowerCase())) add(`${path}.text`, "button_text_duplicate");
      seen.add(b.text.trim().toLowerCase());
    }
    if ("text" in b && b.text.length > LIMITS.buttonText) add(`${path}.text`, "button_text_too_long", { max: LIMITS.buttonText });
    if (b.type === "url") lintUrlButton(b, path, add);
    if (b.type === "phone_number" && !/^\+?[1-9]\d{6,19}$/.test(b.phoneNumber.replace(/[\s()-]/g, ""))) add(`${path}.phoneNumber`, "phone_invalid");
    if (b.type === "copy_code") {
      if (!b.example.trim()) add(`${path}.example`, "copy_code_missing");
      if (b.example.length > LIMITS.copyCode) add(`${path}.example`, "copy_code_too_long", { max: LIMITS.copyCode });
    }
  });
}

function lintUrlButton(b: Extract<TemplateButton, { type: "url" }>, path: string, add: Add) {
  if (b.url.length > LIMITS.url) add(`${path}.url`, "url_too_long", { max: LIMITS.url });
  if (!/^https?:\/\/[^\s/{}]+\.[^\s/{}]+/.test(b.url)) add(`${path}.url`, "url_invalid");
  const { variables, malformed } = templateVariables(b.url);
  if (!variables.length && !malformed.length) return;
  const dynamic = variables.length === 1 && !malformed.length && variables[0].name === "1" && b.url.endsWith("{{1}}");
  if (!dynamic) return add(`${path}.url`, "url_variable_not_at_end");
  const prefix = b.url.slice(0, -"{{1}}".length);
  if (!b.example.trim()) add(`${path}.example`, "url_example_missing");
  else if (!b.example.startsWith(prefix) || b.example.length === prefix.length) add(`${path}.example`, "url_example_mismatch");
}
