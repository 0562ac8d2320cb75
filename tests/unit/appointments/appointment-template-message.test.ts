import { describe, expect, it } from "vitest";
import type { Appointment, Template } from "@/db/schema";
import { appointmentTemplateMessage, quickReplyActions } from "@/lib/appointments/appointment-template-message";
import { parseReplyPayload } from "@/lib/appointments/reply-payload";

const appointment = {
  id: "3f1c2b4a-9d8e-4f70-8a6b-1c2d3e4f5a6b",
  version: 3,
  startsAt: new Date("2026-12-10T17:30:00Z"),
  timeZone: "America/Sao_Paulo",
  service: "corte de cabelo",
  staff: "Bruno",
  location: "Rua Augusta, 100",
} as Appointment;

const template = (name: string, language: string, body: string, buttons: string[]) =>
  ({ name, language, components: [{ type: "BODY", text: body }, { type: "BUTTONS", buttons: buttons.map((text) => ({ type: "QUICK_REPLY", text })) }] }) as unknown as Template;

describe("appointment template message", () => {
  it("fills the library's Portuguese names in the appointment's zone, and sets each button's payload by its words", () => {
    const t = template("confirmacao_agendamento", "pt_BR", "Olá {{nome_cliente}}, seu horário de {{servico}} com {{profissional}} é em {{data}} às {{hora}}.", ["Remarcar", "Confirmar", "Cancelar"]);
    const m = appointmentTemplateMessage(t, appointment, "Ana Souza");
    const body = m.components!.find((c) => c.type === "body")!.parameters as { text: string; parameter_name: string }[];
    expect(body.map((p) => [p.parameter_name, p.text])).toEqual([
      ["nome_cliente", "Ana"],
      ["servico", "corte de cabelo"],
      ["profissional", "Bruno"],
      ["data", "10 de dez. de 2026"],
      ["hora", "14:30"],
    ]);
    const payloads = m.components!.filter((c) => c.type === "button").map((c) => (c.parameters as unknown as { payload: string }[])[0].payload);
    expect(payloads.map((p) => parseReplyPayload(p)?.action)).toEqual(["reschedule", "confirm", "cancel"]);
    expect(parseReplyPayload(payloads[1])).toEqual({ appointmentId: appointment.id, version: 3, action: "confirm" });
  });

  it("positional templates get name, service, staff, date, time in order; unknown buttons go by place", () => {
    const t = template("custom", "en_US", "{{1}}: {{2}} with {{3}} on {{4}} at {{5}}", ["Yes", "Move it", "No"]);
    const m = appointmentTemplateMessage(t, appointment, null);
    expect((m.components![0].parameters as { text: string }[]).map((p) => p.text)).toEqual(["there", "corte de cabelo", "Bruno", "Dec 10, 2026", "2:30 PM"]);
    expect(quickReplyActions(t.components as unknown[]).map(([, a]) => a)).toEqual(["confirm", "reschedule", "cancel"]);
  });

  it("refuses payloads that are not an appointment's", () => {
    expect(parseReplyPayload("support")).toBeNull();
    expect(parseReplyPayload(`appt:${appointment.id}:x:confirm`)).toBeNull();
    expect(parseReplyPayload(`appt:${appointment.id}:2:slot:1`)).toEqual({ appointmentId: appointment.id, version: 2, action: "slot", slot: 1 });
  });
});
