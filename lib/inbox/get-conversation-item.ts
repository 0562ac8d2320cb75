import { and, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { conversations } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { selectConversationItems, toConversationItem, type ConversationItem } from "./conversation-item";

/** One conversation as a list item, scoped to the organization; 404 when it is not there. */
export async function getConversationItem(organizationId: string, conversationId: string, db: Db | Tx = getDb()): Promise<ConversationItem> {
  const [row] = await selectConversationItems(db)
    .where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, conversationId)))
    .limit(1);
  if (!row) throw notFound("Conversation");
  return toConversationItem(row);
}
