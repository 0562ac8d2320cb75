import { and, desc, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { conversations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { MESSAGE_SEARCH_MIN } from "./message-search-text";
import { conversationConditions, type ConversationFilter } from "./conversation-filters";
import { findSearchHits } from "./find-search-hits";
import { searchCondition } from "./search-condition";
import { selectConversationItems, toConversationItem, type ConversationItem } from "./conversation-item";

type Cursor = { at: string | null; id: string };

/** Postgres timestamptz text as produced by `::text` (the cursor keeps its microseconds). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

/**
 * The conversation list: newest activity first (`last_message_at desc, id desc`; conversations that never had a
 * message sort first, as Postgres puts nulls first in descending order — which is what lets the
 * (organization, status, last_message_at, id) index serve the order and the keyset without a sort).
 * Keyset pagination: the cursor carries the last row's exact timestamp text (microseconds) and id.
 */
export async function listConversations(args: {
  organizationId: string;
  userId: string | null;
  filter: Partial<ConversationFilter>;
  limit?: number;
  cursor?: string;
}): Promise<{ conversations: ConversationItem[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(args.limit ?? 50, 1), 100);
  const where = conversationConditions(args.organizationId, args.userId, args.filter, { q: true });
  if (args.filter.q) where.push((await searchCondition(args.organizationId, args.filter.q)).condition);
  if (args.cursor) {
    const c = decodeCursor(args.cursor);
    where.push(
      c.at === null
        ? or(and(isNull(conversations.lastMessageAt), lt(conversations.id, c.id)), isNotNull(conversations.lastMessageAt))!
        : sql`(${conversations.lastMessageAt}, ${conversations.id}) < (${c.at}::timestamptz, ${c.id}::uuid)`,
    );
  }
  const rows = await selectConversationItems(getDb())
    .where(and(...where))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const q = args.filter.q;
  const hits = q && q.length >= MESSAGE_SEARCH_MIN ? await findSearchHits(args.organizationId, page.map((r) => r.c.id), q) : null;
  return {
    conversations: page.map((r) => {
      const item = toConversationItem(r);
      const hit = hits?.get(item.id);
      return hit ? { ...item, searchHit: hit } : item;
    }),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.c.id }) : null,
  };
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString()) as Cursor;
    if ((c.at === null || (typeof c.at === "string" && TIMESTAMP.test(c.at))) && /^[0-9a-f-]{36}$/i.test(c.id)) return c;
  } catch {
    // fall through
  }
  throw new AppError("bad_request", "Invalid cursor");
}
