import type { Locale } from "@/lib/i18n/locales";
import { edge, node, type GalleryEntry } from "./gallery-entry";
import { identifySteps } from "./identify-steps";

const TEXTS = {
  en: { name: "Identify the customer", description: "Looks the number up in your system, confirms the name, else asks the CPF or CNPJ and registers the customer.", keywords: ["identify", "my account"], done: "Thank you, {{customer_name}}. How can we help you?" },
  "pt-BR": { name: "Identificar o cliente", description: "Procura o número no seu sistema, confirma o nome, senão pede o CPF ou CNPJ e cadastra o cliente.", keywords: ["identificar", "minha conta"], done: "Obrigado, {{customer_name}}. Como podemos ajudar?" },
} satisfies Record<Locale, unknown>;

/** Identify the customer by phone (see identifySteps); ends by greeting the identified customer by name. */
export const identifyCustomer: GalleryEntry = {
  id: "identify-customer",
  build(locale, connection) {
    const t = TEXTS[locale];
    const steps = identifySteps(locale, connection, "done", 1);
    return {
      name: t.name,
      description: t.description,
      graph: {
        nodes: [node("start", "start", 0, 0, { triggers: [{ kind: "keyword", match: "exact", keywords: t.keywords, caseSensitive: false }] }), ...steps.nodes, node("done", "end", 6, 0, { message: t.done })],
        edges: [edge("start", "id_lookup"), ...steps.edges],
      },
    };
  },
};
