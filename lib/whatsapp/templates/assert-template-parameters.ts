import { AppError, type FieldIssue } from "@/lib/errors";
import type { Template } from "@/db/schema";
import type { TemplateMessage } from "@/lib/whatsapp/graph/message-schema";
import { countTemplateParameters, slotLabel, type TemplateSlot } from "./count-template-parameters";

export type TemplateSendProblem = "template_not_found" | "template_not_synced" | "template_not_approved" | "parameter_mismatch";

/**
 * A template send Papo refuses before anything is stored or sent (422). `missing` and `extra` name the parameters
 * the way the template writes them: `body {{1}}`, `header {{order_number}}`, `header image`, `button 1 (url)`.
 */
export class TemplateSendError extends AppError {
  constructor(
    readonly reason: TemplateSendProblem,
    message: string,
    readonly missing: string[] = [],
    readonly extra: string[] = [],
  ) {
    const issues: FieldIssue[] = [
      ...missing.map((m) => ({ path: "message.components", message: `Missing parameter: ${m}` })),
      ...extra.map((m) => ({ path: "message.components", message: `Unexpected parameter: ${m}` })),
    ];
    super("invalid_input", message, issues.length ? issues : [{ path: "message.name", message }]);
    this.name = "TemplateSendError";
  }
}

type SendComponent = NonNullable<TemplateMessage["components"]>[number];
type Param = { type: string; parameter_name?: unknown };

/** The slots a send fills, keyed like the template's (buttons by index only). */
export function providedSlots(components: readonly SendComponent[] | undefined): TemplateSlot[] {
  const out: TemplateSlot[] = [];
  const position = { header: 0, body: 0 };
  for (const c of components ?? []) {
    if (c.type === "button") {
      const index = Number(c.index);
      (c.parameters as Param[]).forEach((p) => out.push({ component: "button", index, name: p.type }));
      continue;
    }
    for (const p of c.parameters as Param[]) {
      if (c.type === "header" && p.type !== "text") {
        out.push({ component: "header", name: p.type });
        continue;
      }
      position[c.type] += 1;
      const name = typeof p.parameter_name === "string" && p.parameter_name ? p.parameter_name : String(position[c.type]);
      out.push({ component: c.type, name });
    }
  }
  return out;
}

const key = (s: TemplateSlot) => (s.component === "button" ? `button:${s.index}` : `${s.component}:${s.name}`);

/** Compares what the template needs with what the send carries: `missing` and `extra` are labels, in template order. */
export function compareTemplateParameters(templateComponents: unknown[], send: readonly SendComponent[] | undefined) {
  const expected = countTemplateParameters(templateComponents).slots;
  const provided = providedSlots(send);
  const remaining = new Map<string, TemplateSlot>(expected.map((s) => [key(s), s]));
  const extra: string[] = [];
  for (const p of provided) {
    const k = key(p);
    if (remaining.has(k)) remaining.delete(k);
    else {
      const known = expected.find((s) => key(s) === k);
      // A second parameter for a slot already filled, or a slot the template does not have.
      extra.push(known ? `${slotLabel(known)} (given twice)` : slotLabel(p));
    }
  }
  const missing = [...remaining.values()].filter((s) => !s.optional).map(slotLabel);
  return { missing, extra };
}

/**
 * The checks before a template send: the template exists for the channel's WABA in that language, its
 * definition has been synced, it is APPROVED, and the send's parameters match its placeholders exactly.
 * Throws TemplateSendError (422); Meta would otherwise answer 132000/132001 after a round trip.
 */
export function assertTemplateParameters(template: Template | undefined, message: Pick<TemplateMessage, "name" | "language" | "components">): void {
  const ref = `${message.name} (${message.language})`;
  if (!template) {
    throw new TemplateSendError("template_not_found", `Template ${ref} does not exist for this number's WhatsApp Business Account; sync templates if it was created recently`);
  }
  if (template.status !== "APPROVED") {
    throw new TemplateSendError("template_not_approved", `Template ${ref} is ${template.status}: only APPROVED templates can be sent`);
  }
  if (!Array.isArray(template.components) || template.components.length === 0) {
    throw new TemplateSendError("template_not_synced", `Template ${ref} has not been synced from Meta yet, so its parameters cannot be checked; sync templates and try again`);
  }
  const { missing, extra } = compareTemplateParameters(template.components, message.components);
  if (missing.length || extra.length) {
    const parts = [missing.length && `missing ${missing.join(", ")}`, extra.length && `unexpected ${extra.join(", ")}`].filter(Boolean);
    throw new TemplateSendError("parameter_mismatch", `Template ${ref} parameters do not match: ${parts.join("; ")}`, missing, extra);
  }
}
