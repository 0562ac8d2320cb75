/** What Papo answers the customer after an appointment button, in their language (the templates' language). */
export const replyTexts = {
  en: {
    confirmed: (when: string) => `Thank you! Your appointment on ${when} is confirmed.`,
    cancelled: (when: string) => `Your appointment on ${when} was cancelled. Write to us whenever you want to book again.`,
    rescheduleRequested: "We got your request to reschedule. Our team will get in touch with a new time.",
    pickSlot: "Pick a new time for your appointment:",
    slotsButton: "See times",
    booked: (when: string) => `Done! Your appointment is now on ${when}.`,
    stale: "This appointment has changed since that message. Please look at our latest message.",
    closed: "This appointment is no longer open to changes. Write to us if you need anything.",
  },
  pt: {
    confirmed: (when: string) => `Obrigado! Seu horário de ${when} está confirmado.`,
    cancelled: (when: string) => `Seu horário de ${when} foi cancelado. Fale com a gente quando quiser marcar de novo.`,
    rescheduleRequested: "Recebemos seu pedido para remarcar. Nossa equipe vai entrar em contato com um novo horário.",
    pickSlot: "Escolha um novo horário para o seu atendimento:",
    slotsButton: "Ver horários",
    booked: (when: string) => `Pronto! Seu horário agora é ${when}.`,
    stale: "Este agendamento mudou desde aquela mensagem. Veja a nossa mensagem mais recente.",
    closed: "Este agendamento não pode mais ser alterado. Fale com a gente se precisar de algo.",
  },
} as const;
