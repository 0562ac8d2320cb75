import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { inngestEvents, inngestRuns } from "@/db/schema";
import type { EventRow, EventsPage } from "./run-view";

/**
 * An organization's recent events, newest first, each with the runs it started. Keyset-paginated on
 * (received_at, id): events sent together share received_at. The cursor carries received_at as Postgres prints it,
 * so no microseconds are lost on the way through JavaScript. Each event carries a preview of its payload, not
 * the payload.
 */
export async function listEvents(organizationId: string, options: { before?: string; limit?: number } = {}): Promise<EventsPage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const cursor = options.before ? parseEventCursor(options.before) : undefined;
  const db = getDb();
  const rows = await db
    .select({
      id: inngestEvents.id,
      name: inngestEvents.name,
      // The payload stays in the database: a list of 200 events once answered 16 MB. The detail endpoint
      // (getEventOrThrow) has the whole payload.
      preview: sql<string>`left(${inngestEvents.data}::text, ${EVENT_PREVIEW_CHARS})`,
      dataChars: sql<number>`length(${inngestEvents.data}::text)`,
      receivedAt: inngestEvents.receivedAt,
      cursor: sql<string>`${inngestEvents.receivedAt}::text`,
    })
    .from(inngestEvents)
    .where(
      and(
        eq(inngestEvents.organizationId, organizationId),
        cursor ? sql`(${inngestEvents.receivedAt}, ${inngestEvents.id}) < (${cursor.receivedAt}::timestamptz, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(inngestEvents.receivedAt), desc(inngestEvents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const runs = page.length
    ? await db
        .select({ id: inngestRuns.id, eventId: inngestRuns.eventId, functionId: inngestRuns.functionId, status: inngestRuns.status })
        .from(inngestRuns)
        .where(and(eq(inngestRuns.organizationId, organizationId), inArray(inngestRuns.eventId, page.map((e) => e.id))))
        .orderBy(inngestRuns.seq)
    : [];
  const events = page.map(
    (e): EventRow => ({
      id: e.id,
      name: e.name,
      preview: e.preview,
      dataChars: Number(e.dataChars),
      receivedAt: e.receivedAt.toISOString(),
      runs: runs.filter((r) => r.eventId === e.id).map((r) => ({ id: r.id, functionId: r.functionId, status: r.status })),
    }),
  );
  const last = page[page.length - 1];
  return { events, next: rows.length > limit ? `${last.cursor}|${last.id}` : null };
}

/** Characters of an event's JSON payload shown in a list; the rest is on the event's own page/endpoint. */
export const EVENT_PREVIEW_CHARS = 200;

/** Postgres's text form of a timestamptz ("2026-01-02 03:04:05.123456+00"), then the event id. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)\|(.+)$/;

export function isEventCursor(value: string): boolean {
  return CURSOR.test(value);
}

function parseEventCursor(value: string): { receivedAt: string; id: string } | undefined {
  const m = CURSOR.exec(value);
  return m ? { receivedAt: m[1], id: m[2] } : undefined;
}
