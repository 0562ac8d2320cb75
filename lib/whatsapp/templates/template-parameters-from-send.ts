import type { TemplateMessage } from "@/lib/whatsapp/graph/message-schema";
import { providedSlots } from "./assert-template-parameters";

type SendComponent = NonNullable<TemplateMessage["components"]>[number];
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

/**
 * The values a template send carried, keyed the way TemplatePreview reads them (`header.1`, `body.first_name`,
 * `header.image`, `button.0`), so a sent template message can be shown filled in (the sandbox phone, the inbox).
 * Media are shown by link (or id), currency and date-time by Meta's fallback text.
 */
export function templateParametersFromSend(components: readonly SendComponent[] | undefined): Record<string, string> {
  const slots = providedSlots(components);
  const params = (components ?? []).flatMap((c) => c.parameters as unknown[]);
  const out: Record<string, string> = {};
  slots.forEach((slot, i) => {
    const value = valueOf(params[i]);
    if (value === undefined) return;
    out[slot.component === "button" ? `button.${slot.index}` : `${slot.component}.${slot.name}`] = value;
  });
  return out;
}

function valueOf(p: unknown): string | undefined {
  if (!isObj(p)) return undefined;
  const type = str(p.type) ?? "";
  const inner = isObj(p[type]) ? (p[type] as Obj) : undefined;
  switch (type) {
    case "text":
      return str(p.text);
    case "image":
    case "video":
    case "document":
      return str(inner?.link) ?? str(inner?.id);
    case "location":
      return inner ? [str(inner.name), `${str(inner.latitude)}, ${str(inner.longitude)}`].filter(Boolean).join(" · ") : undefined;
    case "currency":
    case "date_time":
      return str(inner?.fallback_value);
    case "payload":
      return str(p.payload);
    case "coupon_code":
      return str(p.coupon_code);
    default:
      return str(p.text) ?? str(p.payload);
  }
}
