import type { TemplateMessage } from "@/lib/whatsapp/graph/message-schema";
import type { NotificationTemplateInput } from "./notification-input";

type Component = NonNullable<TemplateMessage["components"]>[number];

/** The API's friendly template shape as Meta's components: positional or named body parameters, header, buttons. */
export function buildTemplateMessage(t: NotificationTemplateInput): TemplateMessage {
  const components: Component[] = [];
  if (t.header) {
    if ("text" in t.header) components.push({ type: "header", parameters: [{ type: "text", text: t.header.text }] });
    else {
      const ref = t.header.url ? { link: t.header.url } : { id: t.header.id! };
      if (t.header.type === "document") components.push({ type: "header", parameters: [{ type: "document", document: { ...ref, ...(t.header.filename ? { filename: t.header.filename } : {}) } }] });
      else if (t.header.type === "image") components.push({ type: "header", parameters: [{ type: "image", image: ref }] });
      else components.push({ type: "header", parameters: [{ type: "video", video: ref }] });
    }
  }
  const params = t.parameters;
  if (Array.isArray(params) && params.length) components.push({ type: "body", parameters: params.map((text) => ({ type: "text" as const, text })) });
  else if (params && !Array.isArray(params) && Object.keys(params).length) {
    components.push({ type: "body", parameters: Object.entries(params).map(([parameter_name, text]) => ({ type: "text" as const, text, parameter_name })) });
  }
  for (const b of t.buttons ?? []) {
    const parameter =
      b.type === "url" ? { type: "text", text: b.value } : b.type === "copy_code" ? { type: "coupon_code", coupon_code: b.value } : { type: "payload", payload: b.value };
    components.push({ type: "button", sub_type: b.type, index: String(b.index), parameters: [parameter] });
  }
  return { type: "template", name: t.name, language: t.language, ...(components.length ? { components } : {}) };
}

/** The template's body text with the parameters filled in: what an SMS fallback says when no smsText was given. */
export function renderTemplateBody(templateComponents: unknown[], t: NotificationTemplateInput): string | null {
  const body = (templateComponents as { type?: string; text?: unknown }[]).find((c) => String(c.type).toUpperCase() === "BODY");
  if (!body || typeof body.text !== "string") return null;
  const params = t.parameters;
  return body.text.replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/g, (whole, key: string) => {
    if (Array.isArray(params)) return params[Number(key) - 1] ?? whole;
    return params?.[key] ?? whole;
  });
}
