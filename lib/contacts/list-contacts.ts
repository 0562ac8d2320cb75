import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { channels, contacts, contactTags, lifecycleStages, tags, type Contact } from "@/db/schema";
import { unsafeTextReason } from "@/lib/api/find-unsafe-text";
import { AppError } from "@/lib/errors";
import type { ContactFilter } from "./contact-filter";
import type { ContactListFilter } from "./contact-list-filter";
import { fromContactListFilter } from "./from-contact-list-filter";
import { contactFilterWhere } from "./contact-filter-sql";

export const contactSorts = ["created", "name", "lastMessage"] as const;
export type ContactSort = (typeof contactSorts)[number];
export const contactSortSchema = z.enum(contactSorts).default("created");
export const sortDirectionSchema = z.enum(["asc", "desc"]).default("desc");

/**
 * The sort keys, each indexed together with the organization (see the migration): the keyset walk reads the
 * page from the index instead of sorting the organization's contacts.
 */
const sortKeys: Record<ContactSort, { expr: SQL; type: SQL }> = {
  created: { expr: sql`${contacts.createdAt}`, type: sql`timestamptz` },
  name: { expr: sql`lower(coalesce(${contacts.name}, ${contacts.profileName}, ${contacts.phoneE164}, ''))`, type: sql`text` },
  lastMessage: { expr: sql`coalesce(${contacts.lastInboundAt}, 'epoch'::timestamptz)`, type: sql`timestamptz` },
};

export type ContactSummary = ReturnType<typeof contactSummary>;

/** One contact as the contacts API answers a create (lib/contacts/create-contact.ts). */
export const contactSummary = (c: Contact, tagList: { id: string; name: string; color: string }[] = []) => ({
  id: c.id,
  channelId: c.channelId,
  name: c.name,
  profileName: c.profileName,
  phoneE164: c.phoneE164,
  waId: c.waId,
  userId: c.userId,
  email: c.email,
  lifecycleStageId: c.lifecycleStageId,
  optIn: c.optIn,
  blocked: c.blocked,
  attributes: c.attributes,
  tags: tagList,
  lastInboundAt: c.lastInboundAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
  erasedAt: c.erasedAt?.toISOString() ?? null,
});

export type ContactListItem = ContactSummary & {
  channel: { id: string; name: string };
  stage: { id: string; name: string; color: string } | null;
};

type Cursor = { v: string; id: string };
type ListArgs = {
  organizationId: string;
  filter: ContactFilter;
  sort?: ContactSort;
  direction?: "asc" | "desc";
  limit?: number;
  cursor?: string | null;
};

/**
 * One page of an organization's contacts matching a filter, with keyset pagination: the cursor carries the last
 * row's sort key (as Postgres text, so timestamps keep their microseconds) and id.
 */
export async function listContacts(args: ListArgs): Promise<{ contacts: ContactListItem[]; nextCursor: string | null }>;
/** The query-string filter of the first contacts API (lib/contacts/contact-list-filter.ts), run by the same query. */
export async function listContacts(organizationId: string, filter: ContactListFilter): Promise<{ contacts: ContactListItem[]; nextCursor: string | null }>;
export async function listContacts(first: ListArgs | string, legacy?: ContactListFilter): Promise<{ contacts: ContactListItem[]; nextCursor: string | null }> {
  const args: ListArgs = typeof first === "string" ? { organizationId: first, ...fromContactListFilter(legacy!) } : first;
  const limit = Math.min(Math.max(args.limit ?? 50, 1), 200);
  const key = sortKeys[args.sort ?? "created"];
  const dir = args.direction ?? "desc";
  const where = [contactFilterWhere(args.organizationId, args.filter)];
  if (args.cursor) {
    const c = decodeCursor(args.cursor, args.sort ?? "created");
    where.push(dir === "desc" ? sql`(${key.expr}, ${contacts.id}) < (${c.v}::${key.type}, ${c.id}::uuid)` : sql`(${key.expr}, ${contacts.id}) > (${c.v}::${key.type}, ${c.id}::uuid)`);
  }
  const order = dir === "desc" ? [desc(key.expr), desc(contacts.id)] : [asc(key.expr), asc(contacts.id)];
  const rows = await getDb()
    .select({
      c: contacts,
      sortValue: sql<string>`(${key.expr})::text`,
      channel: { id: channels.id, name: channels.name },
      stage: { id: lifecycleStages.id, name: lifecycleStages.name, color: lifecycleStages.color },
    })
    .from(contacts)
    .innerJoin(channels, eq(channels.id, contacts.channelId))
    .leftJoin(lifecycleStages, eq(lifecycleStages.id, contacts.lifecycleStageId))
    .where(and(...where))
    .orderBy(...order)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const tagsByContact = await loadTags(args.organizationId, page.map((r) => r.c.id));
  const last = page.at(-1);
  return {
    contacts: page.map((r) => ({ ...contactSummary(r.c, tagsByContact.get(r.c.id) ?? []), channel: r.channel, stage: r.stage?.id ? r.stage : null })),
    nextCursor: rows.length > limit && last ? encodeCursor({ v: last.sortValue, id: last.c.id }) : null,
  };
}

async function loadTags(organizationId: string, contactIds: string[]) {
  const map = new Map<string, { id: string; name: string; color: string }[]>();
  if (!contactIds.length) return map;
  const rows = await getDb()
    .select({ contactId: contactTags.contactId, id: tags.id, name: tags.name, color: tags.color })
    .from(contactTags)
    .innerJoin(tags, eq(tags.id, contactTags.tagId))
    .where(and(eq(contactTags.organizationId, organizationId), inArray(contactTags.contactId, contactIds), sql`${tags.deletedAt} is null`))
    .orderBy(tags.name);
  for (const r of rows) {
    const list = map.get(r.contactId) ?? [];
    list.push({ id: r.id, name: r.name, color: r.color });
    map.set(r.contactId, list);
  }
  return map;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

/** Postgres timestamptz text as produced by `::text`. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

function decodeCursor(raw: string, sort: ContactSort): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString()) as Cursor;
    const valueOk = typeof c.v === "string" && (sort === "name" ? c.v.length <= 400 && !unsafeTextReason(c.v) : TIMESTAMP.test(c.v));
    if (valueOk && typeof c.id === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(c.id)) return c;
  } catch {
    // fall through
  }
  throw new AppError("bad_request", "Invalid cursor");
}
