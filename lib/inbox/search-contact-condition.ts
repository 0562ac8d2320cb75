import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations } from "@/db/schema";
import { contactMatches } from "./conversation-filters";

const FEW = 1000;

/**
 * The search condition, chosen by how many contacts match. A rare match (the usual case: a name or a phone) is
 * looked up first and turned into `contact_id in (…)`, so the conversations come from the (organization, contact)
 * index instead of walking every conversation in activity order and testing its contact — on 100,000
 * conversations that walk costs hundreds of milliseconds when nothing matches. A broad match keeps the join, where
 * the ordered walk finds a page quickly.
 */
export async function searchContactCondition(organizationId: string, q: string): Promise<{ condition: SQL; needsJoin: boolean }> {
  const matched = await getDb()
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), isNull(contacts.deletedAt), contactMatches(q)))
    .limit(FEW + 1);
  if (matched.length > FEW) return { condition: contactMatches(q), needsJoin: true };
  if (!matched.length) return { condition: sql`false`, needsJoin: false };
  return { condition: inArray(conversations.contactId, matched.map((m) => m.id)), needsJoin: false };
}
