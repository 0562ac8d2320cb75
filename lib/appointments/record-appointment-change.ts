import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { auditLog, conversationEvents, conversations, type Appointment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

export type AppointmentChange = "created" | "updated" | "rescheduled" | "cancelled" | "confirmed" | "reschedule_requested" | "completed" | "no_show";

/**
 * Audits a change and puts it on the contact's latest conversation on the appointment's number (the inbox timeline,
 * event kind `appointment`), in the transaction that made the change. `actor` null is the customer (a button).
 * Returns the timeline event's id for the realtime push after the commit.
 */
export async function recordAppointmentChange(
  tx: Tx,
  args: { appointment: Appointment; change: AppointmentChange; actor: Actor | null; conversationId?: string; from?: string | null },
): Promise<string | null> {
  const a = args.appointment;
  const data = { appointmentId: a.id, change: args.change, startsAt: a.startsAt.toISOString(), timeZone: a.timeZone, service: a.service, by: args.actor ? "team" : "customer", ...(args.from ? { from: args.from } : {}) };
  await tx.insert(auditLog).values({
    organizationId: a.organizationId,
    actorUserId: args.actor?.type === "user" ? args.actor.userId : null,
    actorApiKeyId: args.actor?.type === "apiKey" ? args.actor.apiKeyId : null,
    action: `appointment.${args.change}`,
    targetType: "appointment",
    targetId: a.id,
    metadata: data,
  });
  let conversationId = args.conversationId;
  if (!conversationId) {
    const [c] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.organizationId, a.organizationId), eq(conversations.contactId, a.contactId), eq(conversations.channelId, a.channelId)))
      .orderBy(desc(conversations.createdAt))
      .limit(1);
    conversationId = c?.id;
  }
  if (!conversationId) return null;
  const [event] = await tx
    .insert(conversationEvents)
    .values({ organizationId: a.organizationId, conversationId, kind: "appointment", actorUserId: args.actor?.type === "user" ? args.actor.userId : null, data })
    .returning({ id: conversationEvents.id });
  return event.id;
}
