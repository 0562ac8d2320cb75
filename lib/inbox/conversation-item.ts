import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import { channels, contacts, conversations, departments, users } from "@/db/schema";

/** One row of the conversation list; also the payload of `conversation.*` realtime events (lib/inbox/README.md). */
export type ConversationItem = {
  id: string;
  status: "open" | "pending" | "closed";
  priority: "low" | "normal" | "high" | "urgent";
  owner: "bot" | "human" | "none";
  channelId: string;
  channelName: string;
  contact: { id: string; name: string | null; profileName: string | null; phoneE164: string | null; blocked: boolean };
  displayName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  tags: { id: string; name: string; color: string }[];
  unreadCount: number;
  lastMessageAt: string | null;
  lastMessagePreview: string | null;
  lastMessageDirection: "inbound" | "outbound" | null;
  windowExpiresAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** A flow editor's test conversation: listed only when the "Show test conversations" filter asks for it. */
  isTest: boolean;
  /** Only in a search's results: the newest message or note whose text matched, for the row to show highlighted. */
  searchHit?: SearchHit;
};

export type SearchHit = { kind: "message" | "note"; id: string; text: string; createdAt: string };

const assignee = alias(users, "assignee");

/** Tags as one JSON array per row, so the list needs no second round trip (at most a page of correlated lookups). */
const tagsJson = sql<{ id: string; name: string; color: string }[]>`coalesce((
  select json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) order by t.name)
  from conversation_tags ct join tags t on t.id = ct.tag_id and t.deleted_at is null
  where ct.conversation_id = ${conversations.id}
), '[]'::json)`;

/** The select behind every ConversationItem: conversations joined to contact, channel, assignee and department. */
export function selectConversationItems(db: Db | Tx) {
  return db
    .select({
      c: conversations,
      contactName: contacts.name,
      profileName: contacts.profileName,
      phoneE164: contacts.phoneE164,
      blocked: contacts.blocked,
      channelName: channels.name,
      assigneeName: assignee.name,
      departmentName: departments.name,
      tags: tagsJson,
      cursorAt: sql<string | null>`${conversations.lastMessageAt}::text`,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .leftJoin(assignee, eq(assignee.id, conversations.assigneeId))
    .leftJoin(departments, eq(departments.id, conversations.departmentId));
}

export type ConversationItemRow = Awaited<ReturnType<ReturnType<typeof selectConversationItems>["execute"]>>[number];

export function toConversationItem(r: ConversationItemRow): ConversationItem {
  const c = r.c;
  return {
    id: c.id,
    status: c.status,
    priority: c.priority,
    owner: c.owner,
    channelId: c.channelId,
    channelName: r.channelName,
    contact: { id: c.contactId, name: r.contactName, profileName: r.profileName, phoneE164: r.phoneE164, blocked: r.blocked },
    displayName: r.contactName || r.profileName || r.phoneE164 || "Unknown",
    assigneeId: c.assigneeId,
    assigneeName: r.assigneeName,
    departmentId: c.departmentId,
    departmentName: r.departmentName,
    tags: r.tags ?? [],
    unreadCount: c.unreadCount,
    lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
    lastMessagePreview: c.lastMessagePreview,
    lastMessageDirection: (c.lastMessageDirection as ConversationItem["lastMessageDirection"]) ?? null,
    windowExpiresAt: c.windowExpiresAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    isTest: c.isTest,
  };
}
