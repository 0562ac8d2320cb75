import type { MessageItem } from "./types";

type Content = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A one-line text of a message: the quote above a reply, the reply-to chip in the composer. */
export function quoteText(m: MessageItem, t: (key: "quotedMedia", values: { kind: string }) => string): string {
  const c = m.content as Content;
  const text =
    m.direction === "inbound"
      ? (c.text?.body ?? c[m.type]?.caption ?? c.interactive?.button_reply?.title ?? c.interactive?.list_reply?.title ?? c.button?.text ?? c.location?.name)
      : (c.body ?? c.caption ?? c.name);
  if (typeof text === "string" && text) return text.length > 140 ? `${text.slice(0, 140)}…` : text;
  return t("quotedMedia", { kind: m.type });
}
