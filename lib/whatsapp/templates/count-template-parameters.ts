/**
 * What a template's stored components (Meta's definition, as synced from GET message_templates) require from a
 * send: one "slot" per placeholder or parameter. Positional templates use `{{1}}`, `{{2}}`…; named ones
 * `{{first_name}}`. Both are read from the text itself, so the answer never depends on Meta's `parameter_format`
 * field being present.
 *
 * - HEADER TEXT: one slot per distinct placeholder; HEADER IMAGE/VIDEO/DOCUMENT/LOCATION: one slot of that type.
 * - BODY: one slot per distinct placeholder.
 * - BUTTONS: a URL button with a placeholder in its URL, a COPY_CODE button and an OTP button each need exactly
 *   one parameter at their index; QUICK_REPLY and FLOW buttons accept one optionally (payload / flow action);
 *   every other button (static URL, PHONE_NUMBER…) takes none.
 */
export type TemplateSlot = {
  component: "header" | "body" | "button";
  /** Placeholder name ("1", "first_name"), the header media type ("image"), or the button's type ("url"). */
  name: string;
  /** Button index (the `index` of the send's button component). */
  index?: number;
  /** Only buttons can be optional. */
  optional?: boolean;
};

export type TemplateParameterSpec = {
  /** "named" as soon as one placeholder is not a number. */
  format: "named" | "positional";
  slots: TemplateSlot[];
};

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Distinct placeholders in order of first appearance. */
export function placeholders(text: unknown): string[] {
  if (typeof text !== "string") return [];
  const seen: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!seen.includes(m[1])) seen.push(m[1]);
  return seen;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const upper = (v: unknown) => (typeof v === "string" ? v.toUpperCase() : "");

const MEDIA_HEADERS = ["IMAGE", "VIDEO", "DOCUMENT", "LOCATION"];
const REQUIRED_BUTTONS = ["COPY_CODE", "OTP"];
const OPTIONAL_BUTTONS = ["QUICK_REPLY", "FLOW"];

export function countTemplateParameters(components: unknown[]): TemplateParameterSpec {
  const slots: TemplateSlot[] = [];
  let named = false;
  const text = (component: "header" | "body", value: unknown) => {
    for (const name of placeholders(value)) {
      if (!/^\d+$/.test(name)) named = true;
      slots.push({ component, name });
    }
  };
  for (const c of components) {
    if (!isObj(c)) continue;
    const type = upper(c.type);
    if (type === "HEADER") {
      const format = upper(c.format) || "TEXT";
      if (format === "TEXT") text("header", c.text);
      else if (MEDIA_HEADERS.includes(format)) slots.push({ component: "header", name: format.toLowerCase() });
    } else if (type === "BODY") {
      text("body", c.text);
    } else if (type === "BUTTONS" && Array.isArray(c.buttons)) {
      c.buttons.forEach((b, index) => {
        if (!isObj(b)) return;
        const bt = upper(b.type);
        if (bt === "URL") {
          if (placeholders(b.url).length) slots.push({ component: "button", index, name: "url" });
        } else if (REQUIRED_BUTTONS.includes(bt)) slots.push({ component: "button", index, name: bt.toLowerCase() });
        else if (OPTIONAL_BUTTONS.includes(bt)) slots.push({ component: "button", index, name: bt.toLowerCase(), optional: true });
      });
    }
  }
  return { format: named ? "named" : "positional", slots };
}

/** How many parameters a send must carry (optional button parameters excluded). */
export function requiredParameterCount(spec: TemplateParameterSpec): number {
  return spec.slots.filter((s) => !s.optional).length;
}

export function slotLabel(s: TemplateSlot): string {
  if (s.component === "button") return `button ${s.index} (${s.name})`;
  if (s.component === "header" && MEDIA_HEADERS.includes(s.name.toUpperCase())) return `header ${s.name}`;
  return `${s.component} {{${s.name}}}`;
}
