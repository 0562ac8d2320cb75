import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { appointmentSettings, flows, organizations, templates, type AppointmentTemplateRef } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { AppointmentSettingsInput } from "./appointment-input";

export type AppointmentSettings = {
  reminderOffsetsMinutes: number[];
  confirmationTemplate: AppointmentTemplateRef;
  reminderTemplate: AppointmentTemplateRef;
  rescheduleFlowId: string | null;
  sendConfirmation: boolean;
};

/**
 * The template library's appointment templates (lib/whatsapp/templates/library): the Portuguese pair when the
 * organization has the Portuguese confirmation template and not the English one, else the English pair.
 */
export function defaultAppointmentTemplates(portuguese: boolean): { confirmation: AppointmentTemplateRef; reminder: AppointmentTemplateRef } {
  return portuguese
    ? { confirmation: { name: "confirmacao_agendamento", language: "pt_BR" }, reminder: { name: "lembrete_horario", language: "pt_BR" } }
    : { confirmation: { name: "appointment_confirmation", language: "en_US" }, reminder: { name: "appointment_reminder", language: "en_US" } };
}

/** The organization's settings, or the defaults: 24 h and 2 h before, the library's templates, confirm on create. */
export async function getAppointmentSettings(organizationId: string, db: Db | Tx = getDb()): Promise<AppointmentSettings> {
  const [row] = await db
    .select({
      s: appointmentSettings,
      portuguese: sql<boolean>`exists (select 1 from ${templates} t where t.organization_id = ${organizations.id} and t.name = 'confirmacao_agendamento')
        and not exists (select 1 from ${templates} t where t.organization_id = ${organizations.id} and t.name = 'appointment_confirmation')`,
    })
    .from(organizations)
    .leftJoin(appointmentSettings, eq(appointmentSettings.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId));
  const defaults = defaultAppointmentTemplates(row?.portuguese ?? false);
  return {
    reminderOffsetsMinutes: row?.s?.reminderOffsetsMinutes ?? [1440, 120],
    confirmationTemplate: row?.s?.confirmationTemplate ?? defaults.confirmation,
    reminderTemplate: row?.s?.reminderTemplate ?? defaults.reminder,
    rescheduleFlowId: row?.s?.rescheduleFlowId ?? null,
    sendConfirmation: row?.s?.sendConfirmation ?? true,
  };
}

/** Saves the settings; the reschedule flow must be one of the organization's flows. */
export async function saveAppointmentSettings(organizationId: string, input: AppointmentSettingsInput): Promise<AppointmentSettings> {
  const db = getDb();
  if (input.rescheduleFlowId) {
    const [flow] = await db
      .select({ id: flows.id })
      .from(flows)
      .where(and(eq(flows.organizationId, organizationId), eq(flows.id, input.rescheduleFlowId), isNull(flows.deletedAt)));
    if (!flow) throw new AppError("invalid_input", "No such flow in this organization", [{ path: "rescheduleFlowId", message: "not_found" }]);
  }
  const values = { ...input, reminderOffsetsMinutes: [...input.reminderOffsetsMinutes].sort((a, b) => b - a) };
  await db
    .insert(appointmentSettings)
    .values({ organizationId, ...values })
    .onConflictDoUpdate({ target: appointmentSettings.organizationId, set: values });
  return getAppointmentSettings(organizationId);
}
