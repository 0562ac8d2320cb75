import { describe, expect, it } from "vitest";
import { messagePreview } from "@/lib/inbox/message-preview";
import { effectivePresence } from "@/lib/inbox/presence-window";

describe("messagePreview", () => {
  it("uses the text of inbound (Meta's shape) and outbound (Papo's shape) messages, flattened and capped", () => {
    expect(messagePreview("text", { text: { body: "Olá\n\ntudo  bem?" } })).toBe("Olá tudo bem?");
    expect(messagePreview("text", { type: "text", body: "Resposta" })).toBe("Resposta");
    const long = messagePreview("text", { body: "é".repeat(500) });
    expect(Array.from(long)).toHaveLength(140);
    expect(long.endsWith("…")).toBe(true);
  });
  it("labels media and other types, with captions when there are", () => {
    expect(messagePreview("image", { image: { id: "1" } })).toBe("📷 Photo");
    expect(messagePreview("image", { image: { caption: "Nota fiscal" } })).toBe("Nota fiscal");
    expect(messagePreview("interactive", { interactive: { button_reply: { title: "Sim" } } })).toBe("Sim");
    expect(messagePreview("weird", {})).toBe("[weird]");
  });
});

describe("effectivePresence", () => {
  it("online only while heartbeats arrive", () => {
    const now = new Date();
    expect(effectivePresence("online", new Date(now.getTime() - 10_000), now)).toBe("online");
    expect(effectivePresence("online", new Date(now.getTime() - 120_000), now)).toBe("offline");
    expect(effectivePresence("away", now, now)).toBe("away");
    expect(effectivePresence("online", null, now)).toBe("offline");
  });
});
