import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { conversations } from "@/db/schema";

/** How long after being closed a conversation still reopens when the contact writes again. */
export const REOPEN_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The conversation an inbound message belongs to. The rule:
 * 1. The contact's latest conversation on this channel, if it is `open` or `pending`, is the one.
 * 2. If it is `closed`, a message sent within REOPEN_WINDOW_MS (24 h) of the closing reopens it (status `open`,
 *    `closed_at` cleared): the agent's context is still fresh. A message sent before the closing (a late
 *    delivery) attaches to it without reopening.
 * 3. Otherwise — closed for longer, or never talked — a new `open` conversation starts.
 * Reactions and system notices (`reopens: false`) never reopen or start anything if a conversation exists: they
 * attach to the latest one. `created`: the conversation starts with this message.
 */
export async function findOrCreateConversation(
  db: Db,
  args: {
    organizationId: string;
    channelId: string;
    contactId: string;
    at: Date;
    reopens: boolean;
    /** Columns a new conversation starts with (the message's activity: the caller then has nothing to update). */
    onCreate?: Partial<typeof conversations.$inferInsert>;
    /** The contact was created in the caller's transaction: it has no conversation yet, so none is looked for. */
    contactCreated?: boolean;
  },
): Promise<{ id: string; created: boolean }> {
  const [latest] = args.contactCreated ? [] : await latestConversation(db, args);
  if (latest) {
    if (latest.status !== "closed") return { id: latest.id, created: false };
    const closedAt = latest.closedAt ?? new Date(0);
    if (!args.reopens || args.at <= closedAt) return { id: latest.id, created: false };
    if (args.at.getTime() - closedAt.getTime() <= REOPEN_WINDOW_MS) {
      await db
        .update(conversations)
        .set({ status: "open", closedAt: null })
        .where(and(eq(conversations.organizationId, args.organizationId), eq(conversations.id, latest.id)));
      return { id: latest.id, created: false };
    }
  }
  const [created] = await db
    .insert(conversations)
    .values({ ...args.onCreate, organizationId: args.organizationId, channelId: args.channelId, contactId: args.contactId, status: "open" })
    .returning({ id: conversations.id });
  return { id: created.id, created: true };
}

async function latestConversation(db: Db, args: { organizationId: string; channelId: string; contactId: string }) {
  return db
    .select({ id: conversations.id, status: conversations.status, closedAt: conversations.closedAt })
    .from(conversations)
    .where(
      and(
        eq(conversations.organizationId, args.organizationId),
        eq(conversations.channelId, args.channelId),
        eq(conversations.contactId, args.contactId),
      ),
    )
    .orderBy(desc(conversations.createdAt))
    .limit(1);
}
