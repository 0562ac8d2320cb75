import type { ButtonsMessage, ListMessage } from "../neutral/neutral-message";

/**
 * Buttons and lists as plain text with numbered options, for gateways that cannot draw them (WhatsApp Web clients
 * do not show Baileys' interactive messages reliably). The customer answers "2" or the option's text, which
 * `matchChoice` (lib/flows/nodes/choice-input.ts) maps back to the option's id, so a flow sees the same answer
 * as a tap on the Cloud API.
 */
export function numberedOptionsText(message: ButtonsMessage | ListMessage): string {
  const header = message.type === "buttons" ? (message.header?.type === "text" ? message.header.text : undefined) : message.header;
  const options =
    message.type === "buttons"
      ? message.buttons.map((b) => ({ title: b.title }))
      : message.sections.flatMap((s) => s.rows.map((r) => ({ title: r.title, description: r.description })));
  const lines: string[] = [];
  if (header) lines.push(`*${header}*`, "");
  lines.push(message.body, "");
  options.forEach((o, i) => lines.push(`${i + 1}. ${o.title}${"description" in o && o.description ? ` — ${o.description}` : ""}`));
  if (message.footer) lines.push("", `_${message.footer}_`);
  return lines.join("\n");
}
