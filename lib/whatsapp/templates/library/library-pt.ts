import type { LibraryEntryInput } from "./template-library";

const utility = { category: "UTILITY", language: "pt_BR", parameterFormat: "named" } as const;

/** A biblioteca em português (template-library.ts). */
export const libraryEntriesPt: LibraryEntryInput[] = [
  {
    job: "billing_notice",
    title: "Aviso de cobrança",
    description: "Valor e vencimento da fatura, linha digitável do boleto e código PIX copia e cola, com link para a fatura.",
    draft: {
      ...utility,
      name: "aviso_cobranca",
      header: { type: "text", text: "Sua fatura chegou", examples: {} },
      body: {
        text: "Olá {{nome_cliente}}, sua fatura de {{valor}} vence em {{vencimento}}.\n\nLinha digitável do boleto: {{linha_digitavel}}\n\nPIX copia e cola: {{codigo_pix}}\n\nSe já pagou, desconsidere esta mensagem.",
        examples: {
          nome_cliente: "Ana",
          valor: "R$ 99,90",
          vencimento: "10/12",
          linha_digitavel: "23793.38128 60000.000003 00000.000400 1 84340000009990",
          codigo_pix: "00020126580014br.gov.bcb.pix0136a1b2c3d4-e5f6-7890-abcd-ef1234567890520400005303986540599.905802BR5909PAPO LTDA6009SAO PAULO62070503***6304ABCD",
        },
      },
      footer: "Responda AJUDA para falar conosco",
      buttons: [
        { type: "url", text: "Ver fatura", url: "https://cobranca.exemplo.com.br/faturas/{{1}}", example: "https://cobranca.exemplo.com.br/faturas/84340" },
        { type: "copy_code", example: "84340" },
      ],
    },
  },
  ...(
    [
      ["speed_reduced", "velocidade_reduzida", "Velocidade reduzida", "a velocidade da sua internet foi reduzida por {{motivo}}. Ela volta ao normal assim que a pendência for resolvida."],
      ["blocked", "bloqueio", "Serviço bloqueado", "seu serviço de internet foi bloqueado por {{motivo}}. Pague ou fale conosco para desbloquear."],
      ["suspended", "suspensao", "Serviço suspenso", "seu serviço de internet foi suspenso por {{motivo}}. Fale conosco para reativar."],
      ["cancelled", "cancelamento", "Contrato cancelado", "seu contrato foi cancelado por {{motivo}}. Estamos aqui se quiser voltar."],
      ["reactivated", "reativacao", "Serviço reativado", "boa notícia: seu serviço de internet está ativo de novo após {{motivo}}. Obrigado!"],
    ] as const
  ).map(([job, slug, title, sentence]) => ({
    job,
    title: `Aviso de contrato: ${title.toLowerCase()}`,
    description: "Um aviso de contrato para provedores de internet, com o número do contrato e um jeito de responder.",
    draft: {
      ...utility,
      name: `contrato_${slug}`,
      header: { type: "text" as const, text: title, examples: {} },
      body: {
        text: `Olá {{nome_cliente}}, sobre o contrato {{numero_contrato}}: ${sentence}`,
        examples: { nome_cliente: "Ana", numero_contrato: "10293", motivo: job === "reactivated" ? "o seu pagamento" : "uma fatura em aberto" },
      },
      footer: "Responda esta mensagem para falar conosco",
      buttons: [{ type: "quick_reply" as const, text: "Falar com atendente" }],
    },
  })),
  {
    job: "appointment_confirmation",
    title: "Confirmação de agendamento",
    description: "Pede ao cliente para confirmar, remarcar ou cancelar um horário.",
    draft: {
      ...utility,
      name: "confirmacao_agendamento",
      body: {
        text: "Olá {{nome_cliente}}, seu horário de {{servico}} com {{profissional}} é em {{data}} às {{hora}}. Podemos confirmar?",
        examples: { nome_cliente: "Ana", servico: "corte de cabelo", profissional: "Bruno", data: "10/12", hora: "14h30" },
      },
      buttons: [
        { type: "quick_reply", text: "Confirmar" },
        { type: "quick_reply", text: "Remarcar" },
        { type: "quick_reply", text: "Cancelar" },
      ],
    },
  },
  {
    job: "reminder",
    title: "Lembrete de horário",
    description: "Um lembrete antes do horário, com o endereço.",
    draft: {
      ...utility,
      name: "lembrete_horario",
      body: {
        text: "Lembrete: {{nome_cliente}}, seu horário de {{servico}} é {{quando}} em {{endereco}}. Até logo!",
        examples: { nome_cliente: "Ana", servico: "consulta", quando: "amanhã às 9h", endereco: "Rua Principal, 10" },
      },
      buttons: [
        { type: "quick_reply", text: "Estarei lá" },
        { type: "quick_reply", text: "Remarcar" },
      ],
    },
  },
  {
    job: "order_update",
    title: "Atualização de pedido",
    description: "O novo status do pedido, com link de rastreio.",
    draft: {
      ...utility,
      name: "atualizacao_pedido",
      header: { type: "text", text: "Pedido {{numero_pedido}}", examples: { numero_pedido: "1042" } },
      body: { text: "Olá {{nome_cliente}}, seu pedido {{numero_pedido}} agora está {{status}}.", examples: { nome_cliente: "Ana", numero_pedido: "1042", status: "a caminho" } },
      buttons: [{ type: "url", text: "Rastrear pedido", url: "https://loja.exemplo.com.br/pedidos/{{1}}", example: "https://loja.exemplo.com.br/pedidos/1042" }],
    },
  },
  {
    job: "one_time_code",
    title: "Código de verificação",
    description: "Um código de autenticação com botão de copiar (a Meta escreve o texto).",
    draft: {
      category: "AUTHENTICATION",
      language: "pt_BR",
      name: "codigo_verificacao",
      buttons: [{ type: "otp", text: "Copiar código" }],
      authentication: { addSecurityRecommendation: true, codeExpirationMinutes: 10 },
    },
  },
];
