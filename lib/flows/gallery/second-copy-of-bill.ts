import type { Locale } from "@/lib/i18n/locales";
import { edge, node, viaConnection, type GalleryEntry } from "./gallery-entry";
import { identifySteps } from "./identify-steps";
import { pickOneOfThree } from "./pick-one-of-three";

const TEXTS = {
  en: {
    name: "Second copy of a bill",
    description: "Identifies the customer, lists the open bills and sends the chosen one's boleto line and PIX copy-paste code.",
    keywords: ["bill", "second copy", "boleto"],
    pick: "Which bill do you want a copy of?",
    button: "Open bills",
    retry: "Please choose a bill from the list.",
    none: "You have no open bills. Thank you!",
    bill: "{{bill_title}} ({{bill_amount}})\n\nBoleto line:\n{{bill_line}}\n\nPIX copy-paste code:\n{{bill_pix}}",
    later: "No problem. Send \"bill\" whenever you need a copy.",
    down: "We could not reach our billing system right now. Please try again in a few minutes.",
  },
  "pt-BR": {
    name: "Segunda via de boleto",
    description: "Identifica o cliente, lista as faturas em aberto e envia a linha digitável e o PIX copia e cola da escolhida.",
    keywords: ["boleto", "segunda via", "fatura"],
    pick: "De qual fatura você quer a segunda via?",
    button: "Faturas em aberto",
    retry: "Escolha uma fatura da lista.",
    none: "Você não tem faturas em aberto. Obrigado!",
    bill: "{{bill_title}} ({{bill_amount}})\n\nLinha digitável:\n{{bill_line}}\n\nPIX copia e cola:\n{{bill_pix}}",
    later: "Sem problema. Envie \"boleto\" quando precisar da segunda via.",
    down: "Não conseguimos acessar o sistema de cobrança agora. Tente de novo em alguns minutos.",
  },
} satisfies Record<Locale, unknown>;

/** Identify, GET /customers/{id}/bills?status=open, a list of up to three, then the chosen bill's codes. */
export const secondCopyOfBill: GalleryEntry = {
  id: "second-copy-of-bill",
  build(locale, connection) {
    const t = TEXTS[locale];
    const steps = identifySteps(locale, connection, "bills", 1);
    const map: Record<string, string> = { bill_count: "count" };
    for (const k of [1, 2, 3]) Object.assign(map, { [`bill${k}`]: `bills.${k - 1}.title`, [`bill${k}_amount`]: `bills.${k - 1}.amount`, [`bill${k}_line`]: `bills.${k - 1}.boleto_line`, [`bill${k}_pix`]: `bills.${k - 1}.pix_code` });
    const pick = pickOneOfThree({
      prefix: "bills_",
      col: 7,
      row: 0,
      countVar: "bill_count",
      titleVar: (k) => `bill${k}`,
      descriptionVar: (k) => `bill${k}_amount`,
      body: t.pick,
      button: t.button,
      retry: t.retry,
      chosen: (k) => `chosen${k}`,
      none: "no_bills",
      fallback: "bills_later",
    });
    const chosen = [1, 2, 3].map((k) =>
      node(`chosen${k}`, "set_variable", 9, k - 1, {
        assignments: ["title", "amount", "line", "pix"].map((f) => ({ id: f, scope: "flow", name: `bill_${f}`, value: f === "title" ? `{{bill${k}}}` : `{{bill${k}_${f}}}` })),
      }),
    );
    return {
      name: t.name,
      description: t.description,
      graph: {
        nodes: [
          node("start", "start", 0, 0, { triggers: [{ kind: "keyword", match: "exact", keywords: t.keywords, caseSensitive: false }] }),
          ...steps.nodes,
          node("bills", "http_request", 6, 0, viaConnection(connection, "GET", "/customers/{{customer_id}}/bills?status=open", map)),
          ...pick.graph.nodes,
          ...chosen,
          node("send_bill", "end", 10, 0, { message: t.bill }),
          node("no_bills", "end", 8, 4, { message: t.none }),
          node("bills_down", "end", 7, 4, { message: t.down }),
          node("bills_later", "end", 9, 4, { message: t.later }),
        ],
        edges: [
          edge("start", "id_lookup"),
          ...steps.edges,
          edge("bills", pick.entry, "success"),
          edge("bills", "bills_down", "failure"),
          ...pick.graph.edges,
          ...chosen.map((c) => edge(c.id, "send_bill")),
        ],
      },
    };
  },
};
