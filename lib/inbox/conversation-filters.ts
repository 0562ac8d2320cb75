import { z } from "zod";
import { eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { contacts, conversations, conversationTags } from "@/db/schema";

/** The list and counts filters, parsed from the query string (lib/inbox/README.md). */
export const conversationFilterSchema = z.object({
  status: z.enum(["open", "pending", "closed", "all"]).default("open"),
  assignee: z.union([z.enum(["all", "mine", "unassigned"]), z.uuid()]).default("all"),
  departmentId: z.uuid().optional(),
  channelId: z.uuid().optional(),
  tagId: z.uuid().optional(),
  owner: z.enum(["bot", "human", "none"]).optional(),
  unread: z.enum(["1", "true", "0", "false"]).transform((v) => v === "1" || v === "true").optional(),
  q: z.string().trim().min(2, "Search needs at least 2 characters").max(100).optional(),
  /** Include the flow editor's test conversations (left out by default). */
  test: z.enum(["1", "true", "0", "false"]).transform((v) => v === "1" || v === "true").optional(),
});

export type ConversationFilter = z.infer<typeof conversationFilterSchema>;

/** Reads the filters from URL search params; empty values count as absent. */
export function parseConversationFilter(params: URLSearchParams, extra: Record<string, z.ZodType> = {}) {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (v !== "") raw[k] = v;
  return conversationFilterSchema.extend(extra).parse(raw);
}

/**
 * The WHERE conditions of a filter, organization first. `assignee` and `status` are left to the caller when it
 * counts several buckets at once (`skip`).
 */
export function conversationConditions(
  organizationId: string,
  userId: string | null,
  f: Partial<ConversationFilter>,
  skip: { status?: boolean; assignee?: boolean; q?: boolean } = {},
): SQL[] {
  const where: SQL[] = [eq(conversations.organizationId, organizationId)];
  if (!f.test) where.push(eq(conversations.isTest, false));
  if (!skip.status && f.status && f.status !== "all") where.push(eq(conversations.status, f.status));
  if (!skip.assignee && f.assignee && f.assignee !== "all") {
    if (f.assignee === "unassigned") where.push(isNull(conversations.assigneeId));
    // An API key has no "mine": it matches nothing rather than everything.
    else if (f.assignee === "mine") where.push(userId ? eq(conversations.assigneeId, userId) : sql`false`);
    else where.push(eq(conversations.assigneeId, f.assignee));
  }
  if (f.departmentId) where.push(eq(conversations.departmentId, f.departmentId));
  if (f.channelId) where.push(eq(conversations.channelId, f.channelId));
  if (f.owner) where.push(eq(conversations.owner, f.owner));
  if (f.unread) where.push(sql`${conversations.unreadCount} > 0`);
  if (f.tagId) {
    where.push(
      sql`exists (select 1 from ${conversationTags} where ${conversationTags.conversationId} = ${conversations.id} and ${conversationTags.tagId} = ${f.tagId})`,
    );
  }
  if (f.q && !skip.q) where.push(contactMatches(f.q));
  return where;
}

/** Contact name, WhatsApp profile name, or phone digits containing the search (LIKE wildcards taken literally). */
export function contactMatches(q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const digits = q.replace(/\D/g, "");
  const phone = sql`${contacts.phoneE164} like ${`%${digits}%`}`;
  // A phone number as typed ("+55 (11) 9 8888-7777"): only the phone can match, and one LIKE is cheaper than three.
  if (digits.length >= 4 && /^[\d\s+().-]+$/.test(q)) return phone;
  const match = [ilike(contacts.name, pattern), ilike(contacts.profileName, pattern)];
  if (digits.length >= 2) match.push(phone);
  return or(...match)!;
}
