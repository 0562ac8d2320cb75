import type { Appointment, Template } from "@/db/schema";
import type { TemplateMessage } from "@/lib/whatsapp/graph/message-schema";
import { countTemplateParameters } from "@/lib/whatsapp/templates/count-template-parameters";
import { formatAppointmentTime, localeOfTemplateLanguage } from "./format-appointment-time";
import { replyPayload, type ReplyAction } from "./reply-payload";

type Component = NonNullable<TemplateMessage["components"]>[number];
type Facts = { customer_name: string; service: string; staff: string; date: string; time: string; when: string; address: string };

/** The library's variable names (EN and PT) and the fact each one takes; other names get the closest guess. */
const ALIASES: Record<string, keyof Facts> = {
  customer_name: "customer_name", name: "customer_name", first_name: "customer_name", nome_cliente: "customer_name", nome: "customer_name",
  service: "service", servico: "service",
  staff: "staff", profissional: "staff", professional: "staff",
  date: "date", data: "date",
  time: "time", hora: "time", horario: "time",
  when: "when", quando: "when",
  address: "address", endereco: "address", location: "address", local: "address",
};
/** Positional templates ({{1}}, {{2}}…) get the facts in the library's order. */
const POSITIONAL: (keyof Facts)[] = ["customer_name", "service", "staff", "date", "time", "address"];

/**
 * The confirmation request or a reminder as a template send: each body variable filled from the appointment (dates
 * in its time zone and the template's language), each quick-reply button given a payload naming the appointment,
 * its version and what the button means — so the customer's tap finds its appointment (apply-appointment-reply.ts).
 */
export function appointmentTemplateMessage(template: Template, a: Appointment, contactName: string | null): TemplateMessage {
  const locale = localeOfTemplateLanguage(template.language);
  const pt = locale.startsWith("pt");
  const at = formatAppointmentTime(a.startsAt, a.timeZone, locale);
  const dash = "—";
  const facts: Facts = {
    customer_name: contactName?.split(/\s+/)[0] || (pt ? "cliente" : "there"),
    service: a.service ?? (pt ? "atendimento" : "appointment"),
    staff: a.staff ?? (pt ? "nossa equipe" : "our team"),
    date: at.date,
    time: at.time,
    when: at.when,
    address: a.location ?? dash,
  };
  const components: Component[] = [];
  const slots = countTemplateParameters(template.components as unknown[]).slots;
  const header = slots.filter((s) => s.component === "header" && s.name !== "image" && s.name !== "video" && s.name !== "document");
  const body = slots.filter((s) => s.component === "body");
  const fill = (name: string) => (/^\d+$/.test(name) ? facts[POSITIONAL[Number(name) - 1] ?? "service"] : facts[ALIASES[name] ?? "service"]);
  const param = (name: string) => (/^\d+$/.test(name) ? { type: "text" as const, text: fill(name) } : { type: "text" as const, text: fill(name), parameter_name: name });
  if (header.length) components.push({ type: "header", parameters: header.map((s) => param(s.name)) });
  if (body.length) components.push({ type: "body", parameters: body.map((s) => param(s.name)) });
  for (const [index, action] of quickReplyActions(template.components as unknown[])) {
    components.push({ type: "button", sub_type: "quick_reply", index: String(index), parameters: [{ type: "payload", payload: replyPayload(a, action) }] });
  }
  return { type: "template", name: template.name, language: template.language, ...(components.length ? { components } : {}) };
}

/** Which quick-reply button means what, by its text (EN/PT) or, failing that, its place (Confirm, Reschedule, Cancel). */
export function quickReplyActions(components: unknown[]): [number, ReplyAction][] {
  const buttons = (components as { type?: string; buttons?: { type?: string; text?: string }[] }[]).find((c) => String(c.type).toUpperCase() === "BUTTONS")?.buttons ?? [];
  const order: ReplyAction[] = ["confirm", "reschedule", "cancel"];
  const out: [number, ReplyAction][] = [];
  buttons.forEach((b, index) => {
    if (String(b.type).toUpperCase() !== "QUICK_REPLY") return;
    out.push([index, actionOfText(b.text ?? "") ?? order[out.length] ?? "confirm"]);
  });
  return out;
}

export function actionOfText(text: string): ReplyAction | null {
  const t = text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (/remarc|reagend|reschedul|another time|outro horario/.test(t)) return "reschedule";
  if (/cancel|desmarc/.test(t)) return "cancel";
  if (/confirm|be there|estarei|sim\b|yes\b|ok\b/.test(t)) return "confirm";
  return null;
}
