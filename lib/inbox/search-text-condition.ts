import { and, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
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
  // Each source takes its own road: a word common in notes but rare in messages keeps the message side an id list.
  const few = [...(inMessages.length > FEW ? [] : inMessages), ...(inNotes.length > FEW ? [] : inNotes)];
  const parts: SQL[] = [];
  if (few.length) parts.push(inArray(conversations.id, [...new Set(few.map((r) => r.id))]));
  if (inMessages.length > FEW) {
    parts.push(sql`exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messageSearchTextSql} ilike ${pattern})`);
  }
  if (inNotes.length > FEW) {
    parts.push(
      sql`exists (select 1 from ${conversationEvents} where ${conversationEvents.conversationId} = ${conversations.id} and ${conversationEvents.kind} = 'note' and ${conversationEvents.body} ilike ${pattern})`,
    );
  }
  return parts.length ? or(...parts)! : sql`false`;
}
