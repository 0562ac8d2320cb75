import type { Locale } from "@/lib/i18n/locales";
import { edge, node, viaConnection, type GalleryEntry } from "./gallery-entry";
import { pickOneOfThree } from "./pick-one-of-three";

const TEXTS = {
  en: {
    name: "Reschedule an appointment",
    description: "Offers the free times from your system as a list, books the chosen one and confirms. Pick it for the Reschedule button of appointment reminders.",
    keywords: ["reschedule"],
    pick: "Which new time works for you?",
    button: "Free times",
    retry: "Please choose a time from the list.",
    none: "There are no free times right now. Someone from our team will help you here.",
    booked: "Done! Your appointment is now on {{slot_label}}. See you then.",
    taken: "Sorry, we could not book that time. Someone from our team will help you here.",
  },
  "pt-BR": {
    name: "Remarcar um agendamento",
    description: "Oferece os horários livres do seu sistema em uma lista, agenda o escolhido e confirma. Escolha-o para o botão Remarcar dos lembretes.",
    keywords: ["remarcar"],
    pick: "Qual novo horário fica bom para você?",
    button: "Horários livres",
    retry: "Escolha um horário da lista.",
    none: "Não há horários livres agora. Alguém da nossa equipe vai atender você aqui.",
    booked: "Pronto! Seu agendamento agora é {{slot_label}}. Até lá.",
    taken: "Desculpe, não conseguimos agendar esse horário. Alguém da nossa equipe vai atender você aqui.",
  },
} satisfies Record<Locale, unknown>;

/** GET /appointments/slots, a list of up to three, POST /appointments/reschedule {phone, slot_id}, confirm. */
export const appointmentReschedule: GalleryEntry = {
  id: "appointment-reschedule",
  build(locale, connection) {
    const t = TEXTS[locale];
    const map: Record<string, string> = { slot_count: "count" };
    for (const k of [1, 2, 3]) Object.assign(map, { [`slot${k}`]: `slots.${k - 1}.label`, [`slot${k}_id`]: `slots.${k - 1}.id` });
    const pick = pickOneOfThree({
      prefix: "slots_",
      col: 2,
      row: 0,
      countVar: "slot_count",
      titleVar: (k) => `slot${k}`,
      body: t.pick,
      button: t.button,
      retry: t.retry,
      chosen: (k) => `chosen${k}`,
      none: "agent_none",
      fallback: "agent_taken",
    });
    const chosen = [1, 2, 3].map((k) =>
      node(`chosen${k}`, "set_variable", 4, k - 1, {
        assignments: [
          { id: "id", scope: "flow", name: "slot_id", value: `{{slot${k}_id}}` },
          { id: "label", scope: "flow", name: "slot_label", value: `{{slot${k}}}` },
        ],
      }),
    );
    return {
      name: t.name,
      description: t.description,
      graph: {
        nodes: [
          node("start", "start", 0, 0, { triggers: [{ kind: "keyword", match: "exact", keywords: t.keywords, caseSensitive: false }] }),
          node("slots", "http_request", 1, 0, viaConnection(connection, "GET", "/appointments/slots", map)),
          ...pick.graph.nodes,
          ...chosen,
          node("book", "http_request", 5, 0, viaConnection(connection, "POST", "/appointments/reschedule", {}, '{"phone": "{{contact.phone}}", "slot_id": "{{slot_id}}"}')),
          node("booked", "end", 6, 0, { message: t.booked }),
          node("agent_none", "handoff", 3, 4, { message: t.none }),
          node("agent_taken", "handoff", 6, 1, { message: t.taken }),
        ],
        edges: [
          edge("start", "slots"),
          edge("slots", pick.entry, "success"),
          edge("slots", "agent_none", "failure"),
          ...pick.graph.edges,
          ...chosen.map((c) => edge(c.id, "book")),
          edge("book", "booked", "success"),
          edge("book", "agent_taken", "failure"),
        ],
      },
    };
  },
};
