import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";
import { channels } from "./channels";
import { contacts } from "./contacts";
import { flows } from "./flows";

export const appointmentStatuses = ["scheduled", "confirmed", "reschedule_requested", "cancelled", "completed", "no_show"] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/**
 * A customer's appointment (lib/appointments/README.md). `version` moves on every change of time or status: the
 * durable reminder run of a version stops after a sleep when the row's version is no longer its own, and every
 * message it sends is keyed `appointment:<id>:<version>:<what>`, so a retry sends nothing twice.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    /** IANA zone the customer lives the appointment in: dates in messages are formatted in it. */
    timeZone: text("time_zone").notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(30),
    service: text("service"),
    staff: text("staff"),
    location: text("location"),
    notes: text("notes"),
    externalId: text("external_id"),
    status: text("status").$type<AppointmentStatus>().notNull().default("scheduled"),
    version: integer("version").notNull().default(1),
    /** Times the caller offers when the customer asks to reschedule (a list message); ISO instants. */
    slots: jsonb("slots").$type<string[]>().notNull().default([]),
    /** What the reminder runs sent: `<version>:<what>` → message id (the keys make retries safe; this is for people). */
    sent: jsonb("sent").$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("appointments_org_external_id").on(t.organizationId, t.externalId).where(sql`external_id is not null`),
    index("appointments_org_starts_idx").on(t.organizationId, t.startsAt),
    index("appointments_contact_idx").on(t.contactId, t.startsAt),
  ],
);

export type AppointmentTemplateRef = { name: string; language: string };

/** Per-organization appointment settings; no row means the defaults (lib/appointments/appointment-settings.ts). */
export const appointmentSettings = pgTable("appointment_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  /** Minutes before the start; default 24 h and 2 h. */
  reminderOffsetsMinutes: jsonb("reminder_offsets_minutes").$type<number[]>().notNull().default([1440, 120]),
  confirmationTemplate: jsonb("confirmation_template").$type<AppointmentTemplateRef>(),
  reminderTemplate: jsonb("reminder_template").$type<AppointmentTemplateRef>(),
  rescheduleFlowId: uuid("reschedule_flow_id").references(() => flows.id, { onDelete: "set null" }),
  sendConfirmation: boolean("send_confirmation").notNull().default(true),
  updatedAt: updatedAt(),
});

export type Appointment = typeof appointments.$inferSelect;
export type AppointmentSettingsRow = typeof appointmentSettings.$inferSelect;
