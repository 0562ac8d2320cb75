import type { TemplateDraft } from "./template-draft-schema";
import { variableNames } from "./template-variables";

/**
 * Meta's create/edit body for a (lint-clean) draft: `{ name, language, category, parameter_format, components }`
 * in the shape of POST /{waba-id}/message_templates (/work/shared/meta/payloads/template_create_request_named.json).
 * Examples go where Meta wants them: `header_text` / `body_text` (positional, in order) or
 * `header_text_named_params` / `body_text_named_params`, `header_handle` for a media sample, `example` on URL and
 * copy-code buttons.
 */
export type MetaTemplateBody = {
  name: string;
  language: string;
  category: TemplateDraft["category"];
  parameter_format?: "positional" | "named";
  components: Record<string, unknown>[];
};

export function draftToComponents(draft: TemplateDraft): Record<string, unknown>[] {
  if (draft.category === "AUTHENTICATION") return authenticationComponents(draft);
  const named = draft.parameterFormat === "named";
  const components: Record<string, unknown>[] = [];
  const h = draft.header;
  if (h.type === "text") {
    const vars = variableNames(h.text);
    components.push({
      type: "HEADER",
      format: "TEXT",
      text: h.text,
      ...(vars.length && {
        example: named
          ? { header_text_named_params: vars.map((v) => ({ param_name: v, example: h.examples[v] ?? "" })) }
          : { header_text: vars.map((v) => h.examples[v] ?? "") },
      }),
    });
  } else if (h.type === "location") components.push({ type: "HEADER", format: "LOCATION" });
  else if (h.type !== "none") components.push({ type: "HEADER", format: h.type.toUpperCase(), example: { header_handle: [h.handle] } });

  const bodyVars = variableNames(draft.body.text);
  const ordered = named ? bodyVars : [...bodyVars].sort((a, b) => Number(a) - Number(b));
  components.push({
    type: "BODY",
    text: draft.body.text,
    ...(ordered.length && {
      example: named
        ? { body_text_named_params: ordered.map((v) => ({ param_name: v, example: draft.body.examples[v] ?? "" })) }
        : { body_text: [ordered.map((v) => draft.body.examples[v] ?? "")] },
    }),
  });
  if (draft.footer.trim()) components.push({ type: "FOOTER", text: draft.footer });
  if (draft.buttons.length) components.push({ type: "BUTTONS", buttons: draft.buttons.map(metaButton) });
  return components;
}

export function draftToMetaBody(draft: TemplateDraft): MetaTemplateBody {
  return {
    name: draft.name,
    language: draft.language,
    category: draft.category,
    ...(draft.category !== "AUTHENTICATION" && { parameter_format: draft.parameterFormat }),
    components: draftToComponents(draft),
  };
}

function metaButton(b: TemplateDraft["buttons"][number]): Record<string, unknown> {
  switch (b.type) {
    case "quick_reply":
      return { type: "QUICK_REPLY", text: b.text };
    case "url":
      return { type: "URL", text: b.text, url: b.url, ...(b.url.includes("{{") && { example: [b.example] }) };
    case "phone_number":
      return { type: "PHONE_NUMBER", text: b.text, phone_number: b.phoneNumber.replace(/[\s()-]/g, "") };
    case "copy_code":
      return { type: "COPY_CODE", example: b.example };
    case "otp":
      return { type: "OTP", otp_type: "COPY_CODE", ...(b.text.trim() && { text: b.text }) };
  }
}

/** Meta writes an authentication template's text itself: Papo sends only the options and the OTP button. */
function authenticationComponents(draft: TemplateDraft): Record<string, unknown>[] {
  const minutes = draft.authentication.codeExpirationMinutes;
  return [
    { type: "BODY", add_security_recommendation: draft.authentication.addSecurityRecommendation },
    ...(minutes ? [{ type: "FOOTER", code_expiration_minutes: minutes }] : []),
    { type: "BUTTONS", buttons: draft.buttons.filter((b) => b.type === "otp").map(metaButton) },
  ];
}
