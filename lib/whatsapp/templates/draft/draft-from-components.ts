import { templateDraftSchema, type TemplateButton, type TemplateDraft, type TemplateHeader } from "./template-draft-schema";
import { variableNames } from "./template-variables";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * The draft behind a stored template (Meta's components, as synced or as Papo submitted them): what the Edit form
 * and "Duplicate" start from. The inverse of draftToComponents for everything Papo can write; unknown component or
 * button kinds (FLOW, CATALOG…) are left out.
 */
export function draftFromComponents(t: { name: string; language: string; category: string | null; components: unknown[] }): TemplateDraft {
  const components = t.components.filter(isObj);
  const find = (type: string) => components.find((c) => str(c.type).toUpperCase() === type);
  const header = find("HEADER");
  const body = find("BODY");
  const footer = find("FOOTER");
  const buttons = find("BUTTONS");
  const category = (["MARKETING", "UTILITY", "AUTHENTICATION"] as const).find((c) => c === t.category?.toUpperCase()) ?? "UTILITY";
  const bodyText = str(body?.text);
  const named = [...variableNames(bodyText), ...variableNames(str(header?.text))].some((v) => !/^\d+$/.test(v));

  return templateDraftSchema.parse({
    name: t.name,
    language: t.language,
    category,
    parameterFormat: named ? "named" : "positional",
    header: headerDraft(header),
    body: { text: bodyText, examples: examplesOf(body, "body", bodyText) },
    footer: str(footer?.text),
    buttons: (Array.isArray(buttons?.buttons) ? buttons.buttons : []).filter(isObj).flatMap(buttonDraft),
    authentication: {
      addSecurityRecommendation: body?.add_security_recommendation !== false,
      codeExpirationMinutes: typeof footer?.code_expiration_minutes === "number" ? footer.code_expiration_minutes : null,
    },
  });
}

function headerDraft(h: Obj | undefined): TemplateHeader {
  if (!h) return { type: "none" };
  const format = str(h.format).toLowerCase();
  if (format === "text") return { type: "text", text: str(h.text), examples: examplesOf(h, "header", str(h.text)) };
  if (format === "location") return { type: "location" };
  if (format === "image" || format === "video" || format === "document") {
    const handle = isObj(h.example) && Array.isArray(h.example.header_handle) ? str(h.example.header_handle[0]) : "";
    return { type: format, handle };
  }
  return { type: "none" };
}

function examplesOf(c: Obj | undefined, field: "header" | "body", text: string): Record<string, string> {
  const example = isObj(c?.example) ? c.example : {};
  const out: Record<string, string> = {};
  const named = example[`${field}_text_named_params`];
  if (Array.isArray(named)) for (const p of named.filter(isObj)) out[str(p.param_name)] = str(p.example);
  const positional = example[`${field}_text`];
  const values = field === "body" && Array.isArray(positional) && Array.isArray(positional[0]) ? positional[0] : positional;
  if (Array.isArray(values)) {
    const ordered = variableNames(text).sort((a, b) => Number(a) - Number(b));
    ordered.forEach((v, i) => (out[v] = str(values[i])));
  }
  return out;
}

function buttonDraft(b: Obj): TemplateButton[] {
  const example = Array.isArray(b.example) ? str(b.example[0]) : str(b.example);
  switch (str(b.type).toUpperCase()) {
    case "QUICK_REPLY":
      return [{ type: "quick_reply", text: str(b.text) }];
    case "URL":
      return [{ type: "url", text: str(b.text), url: str(b.url), example }];
    case "PHONE_NUMBER":
      return [{ type: "phone_number", text: str(b.text), phoneNumber: str(b.phone_number) }];
    case "COPY_CODE":
      return [{ type: "copy_code", example }];
    case "OTP":
      return [{ type: "otp", text: str(b.text) }];
    default:
      return [];
  }
}
