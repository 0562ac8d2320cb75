/**
 * The message templates every sandbox number "has at Meta": what the sandbox Graph API answers to
 * GET /{waba-id}/message_templates, in Meta's shape (fields as requested by listTemplates). They cover what the
 * Templates page and the composer must handle: positional and named placeholders, a media header, footer, every
 * common button kind, and statuses other than APPROVED (which sending refuses).
 */
export const SANDBOX_TEMPLATES = [
  {
    id: "900000000000001",
    name: "order_update",
    language: "pt_BR",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    quality_score: { score: "GREEN" },
    components: [
      { type: "HEADER", format: "TEXT", text: "Pedido {{1}}", example: { header_text: ["#1042"] } },
      {
        type: "BODY",
        text: "Olá {{1}}, seu pedido {{2}} saiu para entrega e chega até {{3}}.",
        example: { body_text: [["Mariana", "#1042", "sexta-feira"]] },
      },
      { type: "FOOTER", text: "Loja Papo" },
      {
        type: "BUTTONS",
        buttons: [
          { type: "URL", text: "Acompanhar", url: "https://papo.example/pedidos/{{1}}", example: ["https://papo.example/pedidos/1042"] },
          { type: "QUICK_REPLY", text: "Falar com atendente" },
        ],
      },
    ],
  },
  {
    id: "900000000000002",
    name: "welcome_offer",
    language: "en_US",
    status: "APPROVED",
    category: "MARKETING",
    parameter_format: "NAMED",
    quality_score: { score: "YELLOW" },
    components: [
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["https://papo.example/offer.png"] } },
      {
        type: "BODY",
        text: "Hi {{first_name}}! Enjoy {{discount}} off your next order with code {{code}}.",
        example: { body_text_named_params: [{ param_name: "first_name", example: "Ana" }, { param_name: "discount", example: "15%" }, { param_name: "code", example: "PAPO15" }] },
      },
      { type: "FOOTER", text: "Reply STOP to opt out" },
      {
        type: "BUTTONS",
        buttons: [
          { type: "COPY_CODE", example: "PAPO15" },
          { type: "QUICK_REPLY", text: "Not interested" },
        ],
      },
    ],
  },
  {
    id: "900000000000003",
    name: "appointment_reminder",
    language: "pt_BR",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    quality_score: { score: "UNKNOWN" },
    components: [
      { type: "BODY", text: "Lembrete: sua consulta é amanhã às {{1}}. Podemos confirmar?", example: { body_text: [["14h30"]] } },
      {
        type: "BUTTONS",
        buttons: [
          { type: "QUICK_REPLY", text: "Confirmar" },
          { type: "QUICK_REPLY", text: "Remarcar" },
          { type: "PHONE_NUMBER", text: "Ligar", phone_number: "+5511955550123" },
        ],
      },
    ],
  },
  {
    id: "900000000000004",
    name: "seasonal_sale",
    language: "pt_BR",
    status: "REJECTED",
    category: "MARKETING",
    parameter_format: "POSITIONAL",
    rejected_reason: "PROMOTIONAL",
    components: [{ type: "BODY", text: "Liquidação de verão: tudo com {{1}} de desconto!", example: { body_text: [["50%"]] } }],
  },
] as const;
