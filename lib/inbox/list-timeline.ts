import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { conversationEvents, conversations, messages, users } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { toEventItem, toMessageItem, type TimelineItem } from "./timeline-item";

type Cursor = { at: string; id: string };

/**
 * A conversation's messages and events interleaved, newest page first (keyset on created_at, id). Each source is
 * read with its own index-backed `limit n+1`, then merged: a page never needs more than n+1 rows from either.
 * Items of a page are returned oldest first, ready to render top to bottom.
 */
export async function listTimeline(args: {
  organizationId: string;
  conversationId: string;
  limit?: number;
  before?: string;
}): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const db = getDb();
  const limit = Math.min(Math.max(args.limit ?? 50, 1), 100);
  const [conversation] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.organizationId, args.organizationId), eq(conversations.id, args.conversationId)));
  if (!conversation) throw notFound("Conversation");
  const cursor = args.before ? decodeCursor(args.before) : null;
  const before = (createdAt: SQL | unknown, id: unknown) =>
    cursor ? sql`(${createdAt}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : undefined;

  const [messageRows, eventRows] = await Promise.all([
    db
      .select({ m: messages, name: users.name, at: sql<string>`${messages.createdAt}::text` })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.senderUserId))
      .where(
        and(
          eq(messages.organizationId, args.organizationId),
          eq(messages.conversationId, args.conversationId),
          before(messages.createdAt, messages.id),
        ),
      )
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(limit + 1),
    db
      .select({ e: conversationEvents, name: users.name, at: sql<string>`${conversationEvents.createdAt}::text` })
      .from(conversationEvents)
      .leftJoin(users, eq(users.id, conversationEvents.actorUserId))
      .where(
        and(
          eq(conversationEvents.organizationId, args.organizationId),
          eq(conversationEvents.conversationId, args.conversationId),
          before(conversationEvents.createdAt, conversationEvents.id),
        ),
      )
      .orderBy(desc(conversationEvents.createdAt), desc(conversationEvents.id))
      .limit(limit + 1),
  ]);

  const merged = [
    ...messageRows.map((r) => ({ t: r.m.createdAt.getTime(), at: r.at, id: r.m.id, item: toMessageItem(r.m, r.name) as TimelineItem })),
    ...eventRows.map((r) => ({ t: r.e.createdAt.getTime(), at: r.at, id: r.e.id, item: toEventItem(r.e, r.name) as TimelineItem })),
  ].sort((a, b) => b.t - a.t || (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  const page = merged.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.reverse().map((p) => p.item),
    nextCursor: merged.length > limit && last ? Buffer.from(JSON.stringify({ at: last.at, id: last.id })).toString("base64url") : null,
  };
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString()) as Cursor;
    if (typeof c.at === "string" && /^[\d\-: .+TZ]+$/.test(c.at) && /^[0-9a-f-]{36}$/i.test(c.id)) return c;
  } catch {
    // fall through
  }
  throw new AppError("bad_request", "Invalid cursor");
}
