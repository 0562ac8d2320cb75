import { and, asc, eq, gte, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { appointments, contacts } from "@/db/schema";
import type { AppointmentListQuery } from "./appointment-input";
import { toAppointmentView, type AppointmentView } from "./appointment-view";

/** The organization's appointments by start time, filtered by date range (from ≤ start < to), status, staff, contact. */
export async function listAppointments(organizationId: string, q: AppointmentListQuery): Promise<AppointmentView[]> {
  const where: (SQL | undefined)[] = [eq(appointments.organizationId, organizationId)];
  if (q.from) where.push(gte(appointments.startsAt, new Date(q.from)));
  if (q.to) where.push(lt(appointments.startsAt, new Date(q.to)));
  if (q.status) where.push(eq(appointments.status, q.status));
  if (q.staff) where.push(eq(appointments.staff, q.staff));
  if (q.contactId) where.push(eq(appointments.contactId, q.contactId));
  const rows = await getDb()
    .select({ a: appointments, c: { name: contacts.name, profileName: contacts.profileName, phoneE164: contacts.phoneE164 } })
    .from(appointments)
    .innerJoin(contacts, eq(contacts.id, appointments.contactId))
    .where(and(...where))
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(q.limit ?? 100);
  return rows.map((r) => toAppointmentView(r.a, r.c));
}
