import { and, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations } from "@/db/schema";
import { searchCondition } from "./search-condition";
import { conversationConditions, type ConversationFilter } from "./conversation-filters";

type Buckets = { all: number; mine: number; unassigned: number; bot: number };

/**
 * Per-filter totals for the inbox sidebar in one scan: how many conversations each bucket holds and how many of
 * them have unread messages. Status and the other filters narrow the scan; the buckets are FILTER clauses.
 */
export async function countConversations(args: {
  organizationId: string;
  userId: string | null;
  filter: Partial<ConversationFilter>;
}): Promise<{ status: string; counts: Buckets; unread: Buckets }> {
  const filter = { ...args.filter, status: args.filter.status ?? "open" };
  const where = conversationConditions(args.organizationId, args.userId, filter, { assignee: true, q: true });
  const search = filter.q ? await searchCondition(args.organizationId, filter.q) : null;
  if (search) where.push(search.condition);
  const me = args.userId ?? "00000000-0000-0000-0000-000000000000";
  const unread = sql`${conversations.unreadCount} > 0`;
  const mine = sql`${conversations.assigneeId} = ${me}`;
  const unassigned = sql`${conversations.assigneeId} is null`;
  const bot = sql`${conversations.owner} = 'bot'`;
  const n = (cond: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${cond}))::int`;
  const query = getDb()
    .select({
      all: sql<number>`count(*)::int`,
      mine: n(mine),
      unassigned: n(unassigned),
      bot: n(bot),
      unreadAll: n(unread),
      unreadMine: n(sql`${unread} and ${mine}`),
      unreadUnassigned: n(sql`${unread} and ${unassigned}`),
      unreadBot: n(sql`${unread} and ${bot}`),
    })
    .from(conversations);
  // The contact join is needed only to search by name or phone.
  const [r] = await (search?.needsJoin ? query.innerJoin(contacts, sql`${contacts.id} = ${conversations.contactId}`) : query).where(and(...where));
  return {
    status: filter.status,
    counts: { all: r.all, mine: r.mine, unassigned: r.unassigned, bot: r.bot },
    unread: { all: r.unreadAll, mine: r.unreadMine, unassigned: r.unreadUnassigned, bot: r.unreadBot },
  };
}
