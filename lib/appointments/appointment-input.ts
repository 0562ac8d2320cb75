import { z } from "zod";
import { appointmentStatuses } from "@/db/schema/appointments";

/** An IANA zone Intl knows ("America/Sao_Paulo"): dates in the customer's messages are formatted in it. */
export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Not a time zone: use an IANA name like America/Sao_Paulo");

const instant = z.iso.datetime({ offset: true, message: "Give an ISO 8601 date-time with its offset, like 2026-12-10T14:30:00-03:00" });
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

const fields = {
  startsAt: instant,
  timeZone,
  durationMinutes: z.number().int().min(5).max(24 * 60).optional(),
  service: optionalText(200),
  staff: optionalText(200),
  location: optionalText(500),
  notes: optionalText(2000),
  /** Times offered as a list message when the customer taps Reschedule (at most 10: a list's row limit). */
  slots: z.array(instant).max(10).optional(),
};

/**
 * A new appointment for a contact (`contactId`) or a phone number (`to`, any format; the contact is created like
 * the notifications API does). `externalId` is the caller's own id, unique per organization.
 */
export const appointmentCreateInput = z
  .object({
    contactId: z.uuid().optional(),
    to: z.string().trim().min(1).max(40).optional(),
    channelId: z.uuid().optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    ...fields,
  })
  .strict()
  .refine((a) => !!a.contactId !== !!a.to, { path: ["to"], message: "Give either `contactId` or `to` (a phone number)" });

/** A change: a new `startsAt` or `timeZone` is a reschedule (new confirmation, reminders moved). */
export const appointmentUpdateInput = z
  .object({
    startsAt: instant.optional(),
    timeZone: timeZone.optional(),
    durationMinutes: fields.durationMinutes,
    service: fields.service,
    staff: fields.staff,
    location: fields.location,
    notes: fields.notes,
    slots: fields.slots,
    status: z.enum(["confirmed", "completed", "no_show"]).optional(),
  })
  .strict();

export const appointmentListQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  status: z.enum(appointmentStatuses).optional(),
  staff: z.string().trim().min(1).max(200).optional(),
  contactId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

const templateRef = z.object({ name: z.string().regex(/^[a-z0-9_]+$/, "Template names use lowercase letters, digits and _").max(512), language: z.string().min(2).max(15) }).strict();

export const appointmentSettingsInput = z
  .object({
    reminderOffsetsMinutes: z
      .array(z.number().int().min(5, "At least 5 minutes before").max(30 * 24 * 60, "At most 30 days before"))
      .max(5, "At most 5 reminders")
      .refine((a) => new Set(a).size === a.length, "Each reminder needs its own time"),
    confirmationTemplate: templateRef.nullable(),
    reminderTemplate: templateRef.nullable(),
    rescheduleFlowId: z.uuid().nullable(),
    sendConfirmation: z.boolean(),
  })
  .strict();

export type AppointmentCreateInput = z.infer<typeof appointmentCreateInput>;
export type AppointmentUpdateInput = z.infer<typeof appointmentUpdateInput>;
export type AppointmentListQuery = z.infer<typeof appointmentListQuery>;
export type AppointmentSettingsInput = z.infer<typeof appointmentSettingsInput>;
