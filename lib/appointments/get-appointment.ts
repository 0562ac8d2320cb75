import { and, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { appointments, contacts, type Appointment } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { toAppointmentView, type AppointmentView } from "./appointment-view";

/** One appointment of the organization, or a 404 (another organization's id included). */
export async function getAppointmentOrThrow(organizationId: string, id: string, db: Db | Tx = getDb(), opts: { lock?: boolean } = {}): Promise<Appointment> {
  const q = db.select().from(appointments).where(and(eq(appointments.organizationId, organizationId), eq(appointments.id, id)));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw notFound("Appointment");
  return row;
}

export async function getAppointment(organizationId: string, id: string): Promise<AppointmentView> {
  const [row] = await getDb()
    .select({ a: appointments, c: { name: contacts.name, profileName: contacts.profileName, phoneE164: contacts.phoneE164 } })
    .from(appointments)
    .innerJoin(contacts, eq(contacts.id, appointments.contactId))
    .where(and(eq(appointments.organizationId, organizationId), eq(appointments.id, id)));
  if (!row) throw notFound("Appointment");
  return toAppointmentView(row.a, row.c);
}
