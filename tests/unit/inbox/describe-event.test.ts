import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { describeEvent, type EventTranslator } from "@/components/inbox/describe-event";
import type { EventItem } from "@/components/inbox/types";
import en from "@/lib/i18n/messages/en.json";
import pt from "@/lib/i18n/messages/pt-BR.json";

const ana = "11111111-1111-4111-8111-111111111111";
const bruno = "22222222-2222-4222-8222-222222222222";
const event = (type: EventItem["type"], data: Record<string, unknown>, actorUserId: string | null = ana, actorName: string | null = "Ana"): EventItem => ({
  kind: "event",
  id: "e1",
  conversationId: "c1",
  createdAt: "2026-12-03T12:00:00Z",
  type,
  actorUserId,
  actorName,
  body: null,
  data,
});
const translator = (messages: typeof en, locale: "en" | "pt-BR") => createTranslator({ locale, messages, namespace: "inbox.events" }) as unknown as EventTranslator;

describe("timeline wording", () => {
  const t = translator(en, "en");
  const tPt = translator(pt as typeof en, "pt-BR");

  it("assigning the conversation to oneself reads 'took the conversation'", () => {
    const e = event("assigned", { assigneeId: ana, assigneeName: "Ana" });
    expect(describeEvent(e, t)).toBe("Ana took the conversation");
    expect(describeEvent(e, tPt)).toBe("Ana assumiu a conversa");
  });

  it("assigning someone else names both", () => {
    expect(describeEvent(event("assigned", { assigneeId: bruno, assigneeName: "Bruno" }), t)).toBe("Ana assigned the conversation to Bruno");
  });

  it("unassigning never says 'to nobody'", () => {
    const text = describeEvent(event("assigned", { assigneeId: null, assigneeName: null, departmentId: null }), t);
    expect(text).toBe("Ana left the conversation unassigned");
  });

  it("a bot handoff with no one to take it says it went to the team", () => {
    const text = describeEvent(event("handoff", {}, null, null), t);
    expect(text).not.toMatch(/nobody/);
    expect(text).toBe("The bot passed the conversation to the team (not assigned yet)");
    expect(describeEvent(event("handoff", {}, null, null), tPt)).not.toMatch(/ninguém/);
    expect(describeEvent(event("handoff", { departmentName: "Vendas" }, null, null), t)).toBe("The bot handed the conversation over to Vendas");
  });

  it("appointment changes name who did it: the customer (a button) or the team member", () => {
    expect(describeEvent(event("appointment", { change: "confirmed", by: "customer", service: "Haircut" }, null, null), t)).toBe("The customer confirmed the appointment (Haircut)");
    expect(describeEvent(event("appointment", { change: "confirmed", by: "customer", service: "Corte" }, null, null), tPt)).toBe("O cliente confirmou o agendamento (Corte)");
    expect(describeEvent(event("appointment", { change: "rescheduled", by: "team", service: null }), t)).toBe("Ana moved the appointment to a new time");
    expect(describeEvent(event("appointment", { change: "created", by: "team" }, null, null), tPt)).toBe("Papo agendou um horário");
  });
});
