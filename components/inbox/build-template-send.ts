import { countTemplateParameters, type TemplateSlot } from "@/lib/whatsapp/templates/count-template-parameters";

/** One form field of the template picker: a placeholder, a media header's URL, or a button's parameter. */
export type TemplateField = TemplateSlot & { key: string };

/** The fields a template needs (optional button payloads left out: the picker sends none). */
export function templateFields(components: unknown[]): { fields: TemplateField[]; named: boolean } {
  const spec = countTemplateParameters(components);
  const fields = spec.slots
    .filter((s) => !s.optional)
    .map((s) => ({ ...s, key: s.component === "button" ? `button:${s.index}` : `${s.component}:${s.name}` }));
  return { fields, named: spec.format === "named" };
}

const MEDIA = ["image", "video", "document"];

/**
 * The `components` of a template send (Meta's shape, lib/whatsapp/graph/message-schema.ts) from the form's values:
 * text placeholders in template order (with parameter_name for named templates), a media header by link, and
 * one parameter per required button.
 */
export function buildTemplateComponents(components: unknown[], values: Record<string, string>) {
  const { fields, named } = templateFields(components);
  const text = (f: TemplateField) => ({ type: "text" as const, text: values[f.key] ?? "", ...(named ? { parameter_name: f.name } : {}) });
  const header = fields.filter((f) => f.component === "header");
  const body = fields.filter((f) => f.component === "body");
  const buttons = fields.filter((f) => f.component === "button");
  const out: Record<string, unknown>[] = [];
  if (header.length) {
    out.push({
      type: "header",
      parameters: header.map((f) => (MEDIA.includes(f.name) ? { type: f.name, [f.name]: { link: values[f.key] ?? "" } } : text(f))),
    });
  }
  if (body.length) out.push({ type: "body", parameters: body.map(text) });
  for (const b of buttons) {
    out.push({
      type: "button",
      sub_type: b.name === "copy_code" ? "copy_code" : "url",
      index: String(b.index),
      parameters: [b.name === "copy_code" ? { type: "coupon_code", coupon_code: values[b.key] ?? "" } : { type: "text", text: values[b.key] ?? "" }],
    });
  }
  return out;
}
