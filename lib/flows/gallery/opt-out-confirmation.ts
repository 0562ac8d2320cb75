import type { Locale } from "@/lib/i18n/locales";
import { edge, node, type GalleryEntry } from "./gallery-entry";

const TEXTS = {
  en: {
    name: "Opt-out confirmation",
    description: "Confirms the customer wants to stop offers, tags the contact and has them send STOP, which records the opt-out.",
    keywords: ["no more offers", "stop offers"],
    ask: "Do you want to stop receiving offers and news from us? Bills and service notices will still come.",
    yes: "Yes, stop offers",
    no: "No, keep them",
    retry: "Please tap one of the buttons.",
    confirm: "Understood. To confirm, send the word STOP now and we will stop sending you offers.",
    kept: "Great, nothing changes. Thank you!",
  },
  "pt-BR": {
    name: "Confirmação de descadastro",
    description: "Confirma que o cliente quer parar de receber ofertas, marca o contato e pede que envie SAIR, que registra o descadastro.",
    keywords: ["nao quero ofertas", "parar ofertas"],
    ask: "Você quer parar de receber ofertas e novidades? Boletos e avisos do serviço continuam chegando.",
    yes: "Sim, parar ofertas",
    no: "Não, manter",
    retry: "Toque em um dos botões.",
    confirm: "Entendido. Para confirmar, envie agora a palavra SAIR e não enviaremos mais ofertas.",
    kept: "Ótimo, nada muda. Obrigado!",
  },
} satisfies Record<Locale, unknown>;

/**
 * No node writes the marketing consent (it lives in lib/contacts: the opt-out keywords and WhatsApp's own stop
 * button record it, with its audit trail). So this flow confirms the wish, tags the contact "marketing-opt-out"
 * (a marker for agents and audiences) and asks for the opt-out keyword, whose existing path records the consent
 * and answers with the organization's confirmation text. It needs no connection.
 */
export const optOutConfirmation: GalleryEntry = {
  id: "opt-out-confirmation",
  build(locale) {
    const t = TEXTS[locale];
    return {
      name: t.name,
      description: t.description,
      graph: {
        nodes: [
          node("start", "start", 0, 0, { triggers: [{ kind: "keyword", match: "exact", keywords: t.keywords, caseSensitive: false }] }),
          node("ask", "buttons", 1, 0, { body: t.ask, buttons: [{ id: "stop", title: t.yes }, { id: "keep", title: t.no }], retryMessage: t.retry, maxRetries: 1 }),
          node("tag", "set_variable", 2, 0, { addTags: ["marketing-opt-out"] }),
          node("confirm", "end", 3, 0, { message: t.confirm }),
          node("kept", "end", 2, 1, { message: t.kept }),
        ],
        edges: [edge("start", "ask"), edge("ask", "tag", "stop"), edge("ask", "kept", "keep"), edge("ask", "kept", "fallback"), edge("tag", "confirm")],
      },
    };
  },
};
