import { and, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { conversationEvents, conversations, messages } from "@/db/schema";
import { likePattern, messageSearchTextSql } from "./message-search-text";

const FEW = 1000;

/**
 * The conversations with a message or an internal note containing `q` (3+ characters, trigram indexes of migration
 * 0014), as a condition on `conversations`. Like the contact search, chosen by how many match: a rare word (the
 * usual search: "fatura", an order number) is looked up through the trigram indexes and becomes `id in (…)`; a
 * common one ("obrigado") stays a correlated EXISTS, so the list walks conversations in activity order and stops at
 * a page instead of collecting every matching message first.
 */
export async function searchTextCondition(organizationId: string, q: string): Promise<SQL> {
  const pattern = likePattern(q);
  const db = getDb();
  const [inMessages, inNotes] = await Promise.all([
    db
      .select({ id: messages.conversationId })
      .from(messages)
      .where(and(eq(messages.organizationId, organizationId), sql`${messageSearchTextSql} ilike ${pattern}`))
      .limit(FEW + 1),
    db
      .select({ id: conversationEvents.conversationId })
      .from(conversationEvents)
      .where(and(eq(conversationEvents.organizationId, organizationId), eq(conversationEvents.kind, "note"), ilike(conversationEvents.body, pattern)))
      .limit(FEW + 1),
  ]);
  if (inMessages.length > FEW || inNotes.length > FEW) return matchesText(pattern);
  const ids = [...new Set([...inMessages, ...inNotes].map((r) => r.id))];
  return ids.length ? inArray(conversations.id, ids) : sql`false`;
}

function matchesText(pattern: string): SQL {
  return sql`(exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messageSearchTextSql} ilike ${pattern})
    or exists (select 1 from ${conversationEvents} where ${conversationEvents.conversationId} = ${conversations.id} and ${conversationEvents.kind} = 'note' and ${conversationEvents.body} ilike ${pattern}))`;
}
