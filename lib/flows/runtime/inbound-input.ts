import type { EngineInput } from "../engine/engine-types";

/**
 * The engine's view of a stored inbound message (messages.content is Meta's message object): the text a person
 * would read, and for a tapped button / list row its id. Media counts by its caption; anything else is "".
 */
export function inboundInput(type: string, content: Record<string, unknown>): Extract<EngineInput, { type: "message" }> {
  const c = content as {
    text?: { body?: string };
    interactive?: { button_reply?: { id?: string; title?: string }; list_reply?: { id?: string; title?: string } };
    button?: { text?: string; payload?: string };
    image?: { caption?: string };
    video?: { caption?: string };
    document?: { caption?: string };
  };
  if (type === "text") return { type: "message", text: c.text?.body ?? "" };
  if (type === "interactive") {
    const reply = c.interactive?.button_reply ?? c.interactive?.list_reply;
    return { type: "message", text: reply?.title ?? "", replyId: reply?.id ?? null };
  }
  // A template's quick-reply button: the payload is what the template author set as its id.
  if (type === "button") return { type: "message", text: c.button?.text ?? "", replyId: c.button?.payload ?? null };
  const caption = c.image?.caption ?? c.video?.caption ?? c.document?.caption ?? "";
  return { type: "message", text: caption };
}
