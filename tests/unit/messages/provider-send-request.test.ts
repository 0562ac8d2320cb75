import { describe, expect, it } from "vitest";
import type { OutboundMessageInput } from "@/lib/messages/neutral/neutral-message";
import { providerSendRequest } from "@/lib/messages/providers/provider-send-request";
import { UnsupportedOnProviderError } from "@/lib/messages/providers/provider-request";

const to = { to: "+5511987650001" };
const cloud = { provider: "cloud" as const };
const sandbox = { provider: "sandbox" as const };
const evo = { provider: "evolution" as const, evolutionInstance: "loja centro" };
const graph = (body: Record<string, unknown>) => ({ messaging_product: "whatsapp", recipient_type: "individual", to: "+5511987650001", ...body });

const buttons: OutboundMessageInput = {
  type: "buttons",
  header: { type: "text", text: "Pedido 4821" },
  body: "Confirma a entrega amanhã?",
  footer: "Loja Exemplo",
  buttons: [
    { id: "yes", title: "Confirmar" },
    { id: "no", title: "Outro horário" },
  ],
};
const list: OutboundMessageInput = {
  type: "list",
  body: "Como prefere receber?",
  button: "Ver opções",
  sections: [
    { title: "Rápidas", rows: [{ id: "express", title: "Expressa", description: "1 a 2 dias" }] },
    { title: "Econômicas", rows: [{ id: "standard", title: "Padrão" }] },
  ],
};

// Every kind of the neutral message, with the Cloud API body and the Evolution request it must become.
const cases: { name: string; message: OutboundMessageInput; graph: Record<string, unknown>; evolution: { path: string; body: Record<string, unknown> } | "unsupported" }[] = [
  {
    name: "text",
    message: { type: "text", body: "Olá!", previewUrl: false },
    graph: { type: "text", text: { preview_url: false, body: "Olá!" } },
    evolution: { path: "/message/sendText/loja%20centro", body: { number: "5511987650001", text: "Olá!", linkPreview: false } },
  },
  {
    name: "image by url",
    message: { type: "image", media: { link: "https://files.example.com/a.jpg" }, caption: "Nota" },
    graph: { type: "image", image: { link: "https://files.example.com/a.jpg", caption: "Nota" } },
    evolution: { path: "/message/sendMedia/loja%20centro", body: { number: "5511987650001", mediatype: "image", media: "https://files.example.com/a.jpg", caption: "Nota" } },
  },
  {
    name: "video",
    message: { type: "video", media: { link: "https://files.example.com/v.mp4" } },
    graph: { type: "video", video: { link: "https://files.example.com/v.mp4" } },
    evolution: { path: "/message/sendMedia/loja%20centro", body: { number: "5511987650001", mediatype: "video", media: "https://files.example.com/v.mp4" } },
  },
  {
    name: "document with filename",
    message: { type: "document", media: { link: "https://files.example.com/nf.pdf" }, filename: "nf.pdf", caption: "Sua nota" },
    graph: { type: "document", document: { link: "https://files.example.com/nf.pdf", filename: "nf.pdf", caption: "Sua nota" } },
    evolution: {
      path: "/message/sendMedia/loja%20centro",
      body: { number: "5511987650001", mediatype: "document", media: "https://files.example.com/nf.pdf", caption: "Sua nota", fileName: "nf.pdf" },
    },
  },
  {
    name: "audio",
    message: { type: "audio", media: { link: "https://files.example.com/a.ogg" } },
    graph: { type: "audio", audio: { link: "https://files.example.com/a.ogg" } },
    evolution: { path: "/message/sendWhatsAppAudio/loja%20centro", body: { number: "5511987650001", audio: "https://files.example.com/a.ogg" } },
  },
  {
    name: "sticker",
    message: { type: "sticker", media: { link: "https://files.example.com/s.webp" } },
    graph: { type: "sticker", sticker: { link: "https://files.example.com/s.webp" } },
    evolution: { path: "/message/sendSticker/loja%20centro", body: { number: "5511987650001", sticker: "https://files.example.com/s.webp" } },
  },
  {
    name: "image by media id",
    message: { type: "image", media: { id: "1037543291543636" } },
    graph: { type: "image", image: { id: "1037543291543636" } },
    evolution: "unsupported",
  },
  {
    name: "location",
    message: { type: "location", latitude: -23.5614, longitude: -46.6558, name: "Loja Paulista", address: "Av. Paulista, 1578" },
    graph: { type: "location", location: { latitude: "-23.5614", longitude: "-46.6558", name: "Loja Paulista", address: "Av. Paulista, 1578" } },
    evolution: {
      path: "/message/sendLocation/loja%20centro",
      body: { number: "5511987650001", latitude: -23.5614, longitude: -46.6558, name: "Loja Paulista", address: "Av. Paulista, 1578" },
    },
  },
  {
    name: "contacts",
    message: { type: "contacts", contacts: [{ name: { formatted_name: "Suporte" }, phones: [{ phone: "+55 11 95555-0123", wa_id: "5511955550123" }], org: { company: "Loja" } }] },
    graph: { type: "contacts", contacts: [{ name: { formatted_name: "Suporte" }, phones: [{ phone: "+55 11 95555-0123", wa_id: "5511955550123" }], org: { company: "Loja" } }] },
    evolution: {
      path: "/message/sendContact/loja%20centro",
      body: { number: "5511987650001", contact: [{ fullName: "Suporte", wuid: "5511955550123", phoneNumber: "+55 11 95555-0123", organization: "Loja" }] },
    },
  },
  {
    name: "buttons (numbered text on Evolution)",
    message: buttons,
    graph: {
      type: "interactive",
      interactive: {
        type: "button",
        header: { type: "text", text: "Pedido 4821" },
        body: { text: "Confirma a entrega amanhã?" },
        footer: { text: "Loja Exemplo" },
        action: { buttons: [{ type: "reply", reply: { id: "yes", title: "Confirmar" } }, { type: "reply", reply: { id: "no", title: "Outro horário" } }] },
      },
    },
    evolution: {
      path: "/message/sendText/loja%20centro",
      body: { number: "5511987650001", text: "*Pedido 4821*\n\nConfirma a entrega amanhã?\n\n1. Confirmar\n2. Outro horário\n\n_Loja Exemplo_" },
    },
  },
  {
    name: "list (numbered text on Evolution)",
    message: list,
    graph: {
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "Como prefere receber?" },
        action: {
          button: "Ver opções",
          sections: [
            { title: "Rápidas", rows: [{ id: "express", title: "Expressa", description: "1 a 2 dias" }] },
            { title: "Econômicas", rows: [{ id: "standard", title: "Padrão" }] },
          ],
        },
      },
    },
    evolution: { path: "/message/sendText/loja%20centro", body: { number: "5511987650001", text: "Como prefere receber?\n\n1. Expressa — 1 a 2 dias\n2. Padrão" } },
  },
  {
    name: "cta_url",
    message: { type: "cta_url", body: "Acompanhe seu pedido.", displayText: "Rastrear", url: "https://loja.example.com/r/4821" },
    graph: { type: "interactive", interactive: { type: "cta_url", body: { text: "Acompanhe seu pedido." }, action: { name: "cta_url", parameters: { display_text: "Rastrear", url: "https://loja.example.com/r/4821" } } } },
    evolution: { path: "/message/sendText/loja%20centro", body: { number: "5511987650001", text: "Acompanhe seu pedido.\n\nRastrear: https://loja.example.com/r/4821", linkPreview: true } },
  },
  {
    name: "template",
    message: { type: "template", name: "pedido_confirmado", language: "pt_BR", components: [{ type: "body", parameters: [{ type: "text", text: "4821" }] }] },
    graph: { type: "template", template: { name: "pedido_confirmado", language: { code: "pt_BR" }, components: [{ type: "body", parameters: [{ type: "text", text: "4821" }] }] } },
    evolution: "unsupported",
  },
];

describe("neutral message → provider requests", () => {
  for (const c of cases) {
    it(`${c.name}: Cloud API body`, () => {
      expect(providerSendRequest(cloud, to, c.message)).toEqual({ provider: "graph", path: "messages", body: graph(c.graph) });
    });
    it(`${c.name}: sandbox body is the Cloud API body`, () => {
      expect(providerSendRequest(sandbox, to, c.message)).toEqual({ provider: "graph", path: "messages", body: graph(c.graph) });
    });
    it(`${c.name}: Evolution request`, () => {
      if (c.evolution === "unsupported") {
        expect(() => providerSendRequest(evo, to, c.message)).toThrow(UnsupportedOnProviderError);
      } else {
        expect(providerSendRequest(evo, to, c.message)).toEqual({ provider: "evolution", ...c.evolution });
      }
    });
  }

  it("reaction: Graph body names the wamid; Evolution reacts to the customer's message key", () => {
    const message: OutboundMessageInput = { type: "reaction", messageId: "3EB0A1B2C3", emoji: "✅" };
    expect(providerSendRequest(cloud, to, message).body).toEqual(graph({ type: "reaction", reaction: { message_id: "3EB0A1B2C3", emoji: "✅" } }));
    expect(providerSendRequest(evo, to, message, { remoteJid: "5511987650001@s.whatsapp.net" })).toEqual({
      provider: "evolution",
      path: "/message/sendReaction/loja%20centro",
      body: { key: { remoteJid: "5511987650001@s.whatsapp.net", fromMe: false, id: "3EB0A1B2C3" }, reaction: "✅" },
    });
    expect(() => providerSendRequest(evo, to, message)).toThrow(UnsupportedOnProviderError);
  });

  it("a reply quotes the original on both providers", () => {
    const message: OutboundMessageInput = { type: "text", body: "Confirmado" };
    expect(providerSendRequest(cloud, to, message, { replyTo: "wamid.X" }).body).toMatchObject({ context: { message_id: "wamid.X" } });
    expect(providerSendRequest(evo, to, message, { replyTo: "3EB0X", remoteJid: "5511987650001@s.whatsapp.net" }).body).toEqual({
      number: "5511987650001",
      quoted: { key: { id: "3EB0X", remoteJid: "5511987650001@s.whatsapp.net", fromMe: false } },
      text: "Confirmado",
    });
  });

  it("every adapter validates the neutral message's limits", () => {
    const tooLong: OutboundMessageInput = { type: "text", body: "x".repeat(4097) };
    expect(() => providerSendRequest(cloud, to, tooLong)).toThrow(/at most 4096/);
    expect(() => providerSendRequest(evo, to, tooLong)).toThrow(/at most 4096/);
  });
});
