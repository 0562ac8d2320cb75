/**
 * A template message as the customer sees it: the approved definition's text with the send's parameters filled
 * in. Pure and string-only (the caller renders the result as text), shared by the timeline and the picker's preview.
 */
export type RenderedTemplate = { header: string | null; body: string; footer: string | null; buttons: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const upper = (v: unknown) => (typeof v === "string" ? v.toUpperCase() : "");
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** `values` maps a placeholder name ("1", "first_name") to its text, per component. */
export type TemplateValues = { header?: Record<string, string>; body?: Record<string, string> };

export function fillPlaceholders(text: string, values: Record<string, string> | undefined): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
    const v = values?.[name];
    return v !== undefined && v !== "" ? v : whole;
  });
}

export function renderTemplate(definition: unknown[], values: TemplateValues): RenderedTemplate {
  const out: RenderedTemplate = { header: null, body: "", footer: null, buttons: [] };
  for (const c of definition) {
    if (!isObj(c)) continue;
    const type = upper(c.type);
    if (type === "HEADER" && (upper(c.format) || "TEXT") === "TEXT") out.header = fillPlaceholders(str(c.text), values.header);
    else if (type === "HEADER") out.header = `[${str(c.format).toLowerCase()}]`;
    else if (type === "BODY") out.body = fillPlaceholders(str(c.text), values.body);
    else if (type === "FOOTER") out.footer = str(c.text) || null;
    else if (type === "BUTTONS" && Array.isArray(c.buttons)) out.buttons = c.buttons.filter(isObj).map((b) => str(b.text));
  }
  return out;
}

/** The values carried by a sent template message's components (Meta's send shape), keyed like renderTemplate wants. */
export function valuesFromSend(components: unknown): TemplateValues {
  const values: TemplateValues = {};
  if (!Array.isArray(components)) return values;
  for (const c of components) {
    if (!isObj(c) || (c.type !== "header" && c.type !== "body") || !Array.isArray(c.parameters)) continue;
    const map: Record<string, string> = {};
    c.parameters.forEach((p, i) => {
      if (isObj(p) && p.type === "text") map[str(p.parameter_name) || String(i + 1)] = str(p.text);
    });
    values[c.type] = map;
  }
  return values;
}

/** Plain text of a rendered template, for previews and search. */
export function templateText(r: RenderedTemplate): string {
  return [r.header, r.body, r.footer].filter(Boolean).join("\n");
}
