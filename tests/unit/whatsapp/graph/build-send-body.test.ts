import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { buildSendBody } from "@/lib/whatsapp/graph/build-send-body";
import type { OutboundMessageInput } from "@/lib/whatsapp/graph/message-schema";

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join("/work/shared/meta/payloads", `${name}.json`), "utf8")) as Record<string, unknown>;
const to = { to: "+5511987650001" };

// Each case builds Meta's documented request (shared/meta/payloads/send_*_request.json) from Papo's message shape.
const cases: [string, OutboundMessageInput, { replyTo?: string; callbackData?: string }?][] = [
  ["send_text_request", { type: "text", previewUrl: true, body: "Seu pedido 4821 saiu para entrega: https://loja.example.com/rastreio/4821" }, { callbackData: "tenant=42;msg=99001" }],
  ["send_reply_with_context_request", { type: "text", body: "Confirmado! Obrigado." }, { replyTo: "wamid.HBgNNTUxMTk4NzY1MDAwMRUCABIYFDNB0RkE2MTAyQUE2QjNDAA==" }],
  ["send_image_by_media_id_request", { type: "image", media: { id: "1037543291543636" }, caption: "Nota fiscal do pedido 4821" }],
  ["send_document_by_link_request", { type: "document", media: { link: "https://files.example.com/nf/4821.pdf" }, filename: "nota-fiscal-4821.pdf", caption: "Sua nota fiscal" }],
  ["send_location_request", { type: "location", latitude: -23.561414, longitude: -46.655881, name: "Loja Paulista", address: "Av. Paulista, 1578, São Paulo" }],
  ["send_contacts_request", { type: "contacts", contacts: [{ name: { formatted_name: "Suporte Loja Exemplo", first_name: "Suporte" }, phones: [{ phone: "+5511955550123", type: "WORK", wa_id: "5511955550123" }] }] }],
  ["send_reaction_request", { type: "reaction", messageId: "wamid.HBgNNTUxMTk4NzY1MDAwMRUCABIYFDNB0RkE2MTAxQUE2QjNDAA==", emoji: "✅" }],
  [
    "send_interactive_buttons_request",
    {
      type: "buttons",
      header: { type: "text", text: "Pedido 4821" },
      body: "Podemos entregar amanhã entre 9h e 12h. Confirma?",
      footer: "Loja Exemplo",
      buttons: [
        { id: "order-4821:confirm", title: "Confirmar" },
        { id: "order-4821:reschedule", title: "Outro horário" },
        { id: "order-4821:agent", title: "Falar com atendente" },
      ],
    },
  ],
  [
    "send_interactive_list_request",
    {
      type: "list",
      header: "Opções de entrega",
      body: "Escolha como prefere receber seu pedido.",
      footer: "Preços incluem impostos",
      button: "Ver opções",
      sections: [
        {
          title: "Mais rápidas",
          rows: [
            { id: "ship_express", title: "Entrega expressa", description: "1 a 2 dias úteis" },
            { id: "ship_pickup", title: "Retirar na loja", description: "Hoje, após 16h" },
          ],
        },
        { title: "Econômicas", rows: [{ id: "ship_standard", title: "Entrega padrão", description: "3 a 7 dias úteis" }] },
      ],
    },
  ],
  ["send_interactive_cta_url_request", { type: "cta_url", body: "Acompanhe seu pedido em tempo real.", displayText: "Rastrear pedido", url: "https://loja.example.com/rastreio/4821?utm_source=wa" }],
  [
    "send_template_named_params_request",
    {
      type: "template",
      name: "pedido_confirmado",
      language: "pt_BR",
      components: [
        { type: "header", parameters: [{ type: "text", parameter_name: "order_number", text: "4821" }] },
        {
          type: "body",
          parameters: [
            { type: "text", parameter_name: "first_name", text: "Mariana" },
            { type: "text", parameter_name: "order_number", text: "4821" },
          ],
        },
        { type: "button", sub_type: "quick_reply", index: 0, parameters: [{ type: "payload", payload: "order-4821:help" }] },
        { type: "button", sub_type: "url", index: "1", parameters: [{ type: "text", text: "4821" }] },
      ],
    },
    { callbackData: "tenant=42;campaign=pos-venda;msg=99002" },
  ],
  [
    "send_template_positional_request",
    { type: "template", name: "lembrete_cupom", language: "pt_BR", components: [{ type: "body", parameters: [{ type: "text", text: "VOLTA20" }, { type: "text", text: "3" }] }] },
  ],
];

describe("buildSendBody: Meta's exact request bodies", () => {
  it.each(cases)("%s", (name, message, options) => {
    expect(buildSendBody(to, message, options)).toEqual(fixture(name));
  });

  it("adds the + Meta needs to read a number as international", () => {
    expect(buildSendBody({ to: "5511987650001" }, { type: "text", body: "oi" }).to).toBe("+5511987650001");
  });

  it("sends to a business-scoped user id with `recipient`", () => {
    const body = buildSendBody({ recipient: "BR.1734820956128473" }, { type: "text", body: "oi" });
    expect(body.recipient).toBe("BR.1734820956128473");
    expect(body).not.toHaveProperty("to");
  });
});

const issuesOf = (message: unknown, options?: { callbackData?: string }) => {
  try {
    buildSendBody(to, message as OutboundMessageInput, options);
  } catch (err) {
    if (err instanceof ZodError) return err.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    return [(err as Error).message];
  }
  return [];
};

describe("limits are checked before any call, with clear errors", () => {
  const button = (n: number) => ({ id: `b${n}`, title: `Option ${n}` });
  it.each([
    ["a text body over 4096 characters", { type: "text", body: "a".repeat(4097) }, "body: Text body must be at most 4096 characters"],
    ["a caption over 1024 characters", { type: "image", media: { id: "1" }, caption: "c".repeat(1025) }, "caption: Caption must be at most 1024 characters"],
    ["a caption on audio", { type: "audio", media: { id: "1" }, caption: "hi" }, "caption: An audio message cannot have a caption"],
    ["media with neither id nor link", { type: "image", media: {} }, "media: Media needs either an uploaded media id or a public link"],
    ["four reply buttons", { type: "buttons", body: "b", buttons: [1, 2, 3, 4].map(button) }, "buttons: WhatsApp allows at most 3 reply buttons"],
    ["a 21-character button title", { type: "buttons", body: "b", buttons: [{ id: "x", title: "x".repeat(21) }] }, "buttons.0.title: Button title must be at most 20 characters"],
    ["duplicate button titles", { type: "buttons", body: "b", buttons: [{ id: "1", title: "Sim" }, { id: "2", title: "Sim" }] }, "buttons: Button titles must be unique"],
    [
      "eleven list rows across sections",
      { type: "list", body: "b", button: "Ver", sections: [{ title: "A", rows: [1, 2, 3, 4, 5, 6].map((n) => ({ id: `a${n}`, title: `A${n}` })) }, { title: "B", rows: [1, 2, 3, 4, 5].map((n) => ({ id: `b${n}`, title: `B${n}` })) }] },
      "sections: WhatsApp allows at most 10 rows in a list (all sections together); this one has 11",
    ],
    ["a 25-character row title", { type: "list", body: "b", button: "Ver", sections: [{ rows: [{ id: "1", title: "r".repeat(25) }] }] }, "sections.0.rows.0.title: Row title must be at most 24 characters"],
    ["a 21-character CTA text", { type: "cta_url", body: "b", displayText: "d".repeat(21), url: "https://x.example" }, "displayText: Button text must be at most 20 characters"],
    ["a non-http CTA URL", { type: "cta_url", body: "b", displayText: "Go", url: "javascript:alert(1)" }, "url: The button URL must be an http(s) URL"],
    [
      "named and positional parameters mixed",
      { type: "template", name: "t", language: "pt_BR", components: [{ type: "body", parameters: [{ type: "text", text: "a", parameter_name: "a" }, { type: "text", text: "b" }] }] },
      "components: Mix of named and positional parameters: a named template needs parameter_name on every text parameter",
    ],
  ])("refuses %s", (_what, message, expected) => {
    expect(issuesOf(message)).toContain(expected);
  });

  it("counts characters, not UTF-16 units: 20 emoji fit in a button title", () => {
    expect(issuesOf({ type: "buttons", body: "b", buttons: [{ id: "x", title: "😀".repeat(20) }] })).toEqual([]);
  });

  it("refuses biz_opaque_callback_data over 512 bytes", () => {
    expect(issuesOf({ type: "text", body: "x" }, { callbackData: "é".repeat(257) })).toEqual(["biz_opaque_callback_data must be at most 512 bytes"]);
  });
});
