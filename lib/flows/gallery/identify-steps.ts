import type { Locale } from "@/lib/i18n/locales";
import { edge, node, viaConnection, type GalleryGraph } from "./gallery-entry";

const TEXTS = {
  en: {
    confirm: "Are you {{customer_name}}?",
    yes: "Yes",
    no: "No",
    askDocument: "Please send your CPF or CNPJ (numbers only).",
    badDocument: "That CPF or CNPJ is not valid. Please check the digits and send it again.",
    askName: "We could not find you. To register, what is your full name?",
    registered: "Thank you, {{customer_name}}: you are registered.",
    agent: "We could not identify you automatically. Someone from our team will help you here.",
    retry: "Please tap Yes or No.",
  },
  "pt-BR": {
    confirm: "Você é {{customer_name}}?",
    yes: "Sim",
    no: "Não",
    askDocument: "Por favor, envie seu CPF ou CNPJ (só os números).",
    badDocument: "Esse CPF ou CNPJ não é válido. Confira os dígitos e envie de novo.",
    askName: "Não encontramos seu cadastro. Para cadastrar, qual é o seu nome completo?",
    registered: "Obrigado, {{customer_name}}: seu cadastro foi feito.",
    agent: "Não conseguimos identificar você automaticamente. Alguém da nossa equipe vai atender você aqui.",
    retry: "Toque em Sim ou Não.",
  },
} satisfies Record<Locale, Record<string, string>>;

/**
 * Identifies the customer through the connection, then continues at `next` with `customer_id` and `customer_name`
 * set: look the WhatsApp number up; "Are you {{customer_name}}?" yes → next; no / not found → ask the CPF or CNPJ
 * (question kind "document": check digits validated), look it up; still not found → ask the name and register the
 * customer (POST /customers) — a system that refuses (any non-2xx) hands the conversation to a person.
 * Node ids start with "id_"; the nodes sit in columns from `col`.
 */
export function identifySteps(locale: Locale, connection: string, next: string, col: number): GalleryGraph {
  const t = TEXTS[locale];
  const customer = { customer_id: "customer.id", customer_name: "customer.name" };
  return {
    nodes: [
      node("id_lookup", "http_request", col, 0, viaConnection(connection, "GET", "/customers/by-phone/{{contact.phone}}", customer)),
      node("id_confirm", "buttons", col + 1, 0, { body: t.confirm, buttons: [{ id: "yes", title: t.yes }, { id: "no", title: t.no }], retryMessage: t.retry, maxRetries: 1 }),
      node("id_ask_document", "question", col + 1, 1, { prompt: t.askDocument, kind: "document", variable: "document", retryMessage: t.badDocument, maxTries: 3 }),
      node("id_by_document", "http_request", col + 2, 1, viaConnection(connection, "GET", "/customers/by-document/{{document}}", customer)),
      node("id_ask_name", "question", col + 2, 2, { prompt: t.askName, kind: "text", variable: "full_name", retryMessage: t.askName, maxTries: 2 }),
      node(
        "id_register",
        "http_request",
        col + 3,
        2,
        viaConnection(connection, "POST", "/customers", customer, '{"name": "{{full_name}}", "document": "{{document}}", "phone": "{{contact.phone}}"}'),
      ),
      node("id_registered", "send_message", col + 4, 2, { text: t.registered }),
      node("id_agent", "handoff", col + 3, 3, { message: t.agent }),
    ],
    edges: [
      edge("id_lookup", "id_confirm", "success"),
      edge("id_lookup", "id_ask_document", "failure"),
      edge("id_confirm", next, "yes"),
      edge("id_confirm", "id_ask_document", "no"),
      edge("id_confirm", "id_ask_document", "fallback"),
      edge("id_ask_document", "id_by_document"),
      edge("id_ask_document", "id_agent", "gave_up"),
      edge("id_by_document", next, "success"),
      edge("id_by_document", "id_ask_name", "failure"),
      edge("id_ask_name", "id_register"),
      edge("id_ask_name", "id_agent", "gave_up"),
      edge("id_register", "id_registered", "success"),
      edge("id_register", "id_agent", "failure"),
      edge("id_registered", next),
    ],
  };
}
