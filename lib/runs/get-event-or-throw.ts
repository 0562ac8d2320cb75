import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { inngestEvents, inngestRuns } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { EventDetail } from "./run-view";

/** One of the organization's events with its whole payload and the runs it started (the list has only a preview). */
export async function getEventOrThrow(organizationId: string, eventId: string): Promise<EventDetail> {
  // Event ids are short (ULIDs, or a sender's idempotency id): a longer one cannot name a stored event.
  if (eventId.length > 200) throw notFound("Event");
  const db = getDb();
  const [event] = await db
    .select({ id: inngestEvents.id, name: inngestEvents.name, data: inngestEvents.data, receivedAt: inngestEvents.receivedAt })
    .from(inngestEvents)
    .where(and(eq(inngestEvents.organizationId, organizationId), eq(inngestEvents.id, eventId)))
    .limit(1);
  if (!event) throw notFound("Event");
  const runs = await db
    .select({ id: inngestRuns.id, functionId: inngestRuns.functionId, status: inngestRuns.status })
    .from(inngestRuns)
    .where(and(eq(inngestRuns.organizationId, organizationId), eq(inngestRuns.eventId, event.id)))
    .orderBy(inngestRuns.seq);
  return { id: event.id, name: event.name, data: event.data, receivedAt: event.receivedAt.toISOString(), runs };
}
