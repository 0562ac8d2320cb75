import { and, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { conversationEvents, messages } from "@/db/schema";
import type { SearchHit } from "./conversation-item";
import { likePattern, messageSearchText, messageSearchTextSql, searchExcerpt } from "./message-search-text";

/**
 * For one page of search results: each conversation's newest message or note containing `q`, as an excerpt around
 * the match (the row highlights it; opening the conversation scrolls to that entry). Reads at most a page of
 * conversations through their (conversation, created_at) indexes.
 */
export async function findSearchHits(organizationId: string, conversationIds: string[], q: string): Promise<Map<string, SearchHit>> {
  const hits = new Map<string, SearchHit>();
  if (!conversationIds.length) return hits;
  const pattern = likePattern(q);
  const db = getDb();
  const [messageRows, noteRows] = await Promise.all([
    db
      .selectDistinctOn([messages.conversationId], { id: messages.id, conversationId: messages.conversationId, content: messages.content, createdAt: messages.createdAt })
      .from(messages)
      .where(and(eq(messages.organizationId, organizationId), inArray(messages.conversationId, conversationIds), sql`${messageSearchTextSql} ilike ${pattern}`))
      .orderBy(messages.conversationId, desc(messages.createdAt)),
    db
      .selectDistinctOn([conversationEvents.conversationId], { id: conversationEvents.id, conversationId: conversationEvents.conversationId, body: conversationEvents.body, createdAt: conversationEvents.createdAt })
      .from(conversationEvents)
      .where(
        and(
          eq(conversationEvents.organizationId, organizationId),
          inArray(conversationEvents.conversationId, conversationIds),
          eq(conversationEvents.kind, "note"),
          ilike(conversationEvents.body, pattern),
        ),
      )
      .orderBy(conversationEvents.conversationId, desc(conversationEvents.createdAt)),
  ]);
  for (const m of messageRows) {
    hits.set(m.conversationId, { kind: "message", id: m.id, text: searchExcerpt(messageSearchText(m.content), q), createdAt: m.createdAt.toISOString() });
  }
  for (const n of noteRows) {
    const found = hits.get(n.conversationId);
    if (found && Date.parse(found.createdAt) >= n.createdAt.getTime()) continue;
    hits.set(n.conversationId, { kind: "note", id: n.id, text: searchExcerpt(n.body ?? "", q), createdAt: n.createdAt.toISOString() });
  }
  return hits;
}
