import type { TemplateLintCode, TemplateLintIssue } from "./lint-template-draft";

/**
 * English wording of each lint code, for API answers (the UI reads the same texts, translated, from the locale
 * files' `templates.lint.<code>`; a unit test keeps both in step). `{x}` is replaced by the issue's value.
 */
export const templateLintMessagesEn: Record<TemplateLintCode, string> = {
  name_required: "Give the template a name",
  name_format: "Use only lowercase letters, digits and underscores",
  name_too_long: "At most {max} characters",
  language_format: "Use a language code such as en_US or pt_BR",
  header_text_required: "Write the header text or choose no header",
  header_too_long: "The header has at most {max} characters",
  header_newline: "The header must be a single line",
  header_too_many_variables: "The header may have only one variable",
  header_sample_missing: "Upload a sample file for Meta's review",
  header_not_allowed: "Authentication templates have no header",
  body_required: "Write the message body",
  body_too_long: "The body has at most {max} characters",
  variable_malformed: "{variable} is not a valid variable: use {{1}} or {{first_name}}",
  variable_at_start: "The text cannot start with a variable",
  variable_at_end: "The text cannot end with a variable: add a word or punctuation after it",
  variables_adjacent: "Put words between {{{first}}} and {{{second}}}",
  variables_mixed: "Use either numbered ({{1}}) or named ({{first_name}}) variables, not both",
  variable_wrong_format: "This template uses {format} variables",
  variables_not_sequential: "Number the variables {{1}} to {{{count}}} without gaps",
  example_missing: "Give an example for {{{variable}}}",
  footer_too_long: "The footer has at most {max} characters",
  footer_variable: "The footer cannot have variables",
  too_many_buttons: "At most {max} buttons",
  too_many_url_buttons: "At most {max} website buttons",
  too_many_phone_buttons: "At most {max} phone button",
  too_many_copy_code_buttons: "At most {max} copy-code button",
  quick_replies_not_grouped: "Keep the quick replies together, before or after the other buttons",
  button_text_required: "Write the button's label",
  button_text_too_long: "A button label has at most {max} characters",
  button_text_duplicate: "Two buttons cannot have the same label",
  url_invalid: "Enter a full web address starting with https://",
  url_too_long: "The address has at most {max} characters",
  url_variable_not_at_end: "Only one variable, {{1}}, at the very end of the address",
  url_example_missing: "Give an example of the full address",
  url_example_mismatch: "The example must be the address with a value in place of {{1}}",
  phone_invalid: "Enter the phone number with country code, e.g. +5511999990000",
  copy_code_missing: "Give an example code",
  copy_code_too_long: "The code has at most {max} characters",
  otp_only_authentication: "One-time-code buttons are only for authentication templates",
  authentication_needs_otp: "An authentication template has exactly one copy-code button",
  authentication_button_not_allowed: "Authentication templates only have the copy-code button",
  code_expiration_range: "Between 1 and {max} minutes",
};

export function templateLintMessage(issue: TemplateLintIssue): string {
  const text = templateLintMessagesEn[issue.code];
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (issue.values && key in issue.values ? String(issue.values[key]) : whole));
}
