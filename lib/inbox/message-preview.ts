const MAX = 140;

/** A short plain-text line for the conversation list (stored in conversations.last_message_preview). */
export function messagePreview(type: string, content: Record<string, unknown>): string {
  const c = content as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Meta's and our shapes vary by type
  const text =
    (type === "text" && (c.text?.body ?? c.body)) ||
    ((type === "image" || type === "video" || type === "document") && (c[type]?.caption ?? c.caption)) ||
    (type === "document" && (c.document?.filename ?? c.filename)) ||
    (type === "interactive" && (c.interactive?.button_reply?.title ?? c.interactive?.list_reply?.title)) ||
    (type === "button" && c.button?.text) ||
    ((type === "buttons" || type === "list") && c.body) ||
    (type === "template" && (c.renderedText ?? c.template?.name ?? c.name)) ||
    (type === "reaction" && `${c.reaction?.emoji ?? c.emoji ?? ""}`.trim()) ||
    (type === "location" && (c.location?.name ?? c.name)) ||
    null;
  const label = typeof text === "string" && text.trim() ? text : labels[type] ?? `[${type}]`;
  const flat = label.replace(/\s+/g, " ").trim();
  return Array.from(flat).length > MAX ? `${Array.from(flat).slice(0, MAX - 1).join("")}…` : flat;
}

const labels: Record<string, string> = {
  image: "📷 Photo",
  video: "🎥 Video",
  audio: "🎤 Audio",
  document: "📄 Document",
  sticker: "Sticker",
  location: "📍 Location",
  contacts: "👤 Contact",
  reaction: "Reaction",
  template: "Template",
  system: "System message",
  unsupported: "Unsupported message",
};
