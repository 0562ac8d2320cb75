import { and, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { contactTags, contacts, tags, type Contact } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { contactMatches } from "@/lib/inbox/conversation-filters";
import type { ContactListFilter, FieldCondition } from "./contact-list-filter";
import { liveCustomFields } from "./custom-field-values";

export type ContactSummary = ReturnType<typeof contactSummary>;

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

/**
 * The organization's contacts, newest first, with the filters of the contacts API (tag, stage, consent, channel,
 * dates, custom-field conditions, `q`). Keyset pagination on (created_at, id). A plain query: the search index and
 * the list page's performance work are h12b's (issue #12), behind this same function's contract.
 */
export async function listContacts(organizationId: string, filter: ContactListFilter) {
  const db = getDb();
  const limit = filter.limit ?? 50;
  const where: (SQL | undefined)[] = [eq(contacts.organizationId, organizationId), isNull(contacts.deletedAt)];
  if (filter.q) where.push(sql`(${contactMatches(filter.q)} or ${contacts.email} ilike ${`%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`})`);
  if (filter.tag) {
    where.push(sql`exists (select 1 from ${contactTags} where ${contactTags.contactId} = ${contacts.id} and ${contactTags.tagId} = ${filter.tag})`);
  }
  if (filter.stage === "none") where.push(isNull(contacts.lifecycleStageId));
  else if (filter.stage) where.push(eq(contacts.lifecycleStageId, filter.stage));
  if (filter.consent) where.push(eq(contacts.optIn, filter.consent));
  if (filter.channelId) where.push(eq(contacts.channelId, filter.channelId));
  if (filter.blocked) where.push(eq(contacts.blocked, filter.blocked === "true"));
  if (filter.createdAfter) where.push(gte(contacts.createdAt, new Date(filter.createdAfter)));
  if (filter.createdBefore) where.push(lte(contacts.createdAt, new Date(filter.createdBefore)));
  if (filter.lastMessageAfter) where.push(gte(contacts.lastInboundAt, new Date(filter.lastMessageAfter)));
  if (filter.lastMessageBefore) where.push(lte(contacts.lastInboundAt, new Date(filter.lastMessageBefore)));
  if (filter.fields.length) {
    const defs = new Map((await liveCustomFields(db, organizationId)).map((d) => [d.key, d]));
    for (const f of filter.fields) where.push(fieldCondition(f, defs.get(f.key)?.type ?? "text"));
  }
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    where.push(sql`(${contacts.createdAt}, ${contacts.id}) < (${c.at}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db
    .select({ c: contacts, cursorAt: sql<string>`${contacts.createdAt}::text` })
    .from(contacts)
    .where(and(...where))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.c.id);
  const tagRows = ids.length
    ? await db
        .select({ contactId: contactTags.contactId, id: tags.id, name: tags.name, color: tags.color })
        .from(contactTags)
        .innerJoin(tags, and(eq(tags.id, contactTags.tagId), isNull(tags.deletedAt)))
        .where(and(eq(contactTags.organizationId, organizationId), inArray(contactTags.contactId, ids)))
    : [];
  const last = page.at(-1);
  return {
    contacts: page.map((r) => contactSummary(r.c, tagRows.filter((t) => t.contactId === r.c.id).map(({ id, name, color }) => ({ id, name, color })))),
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify({ at: last.cursorAt, id: last.c.id })).toString("base64url") : null,
  };
}

/** One custom-field condition on `attributes` (numbers compared as numbers, dates as ISO text). */
function fieldCondition(f: FieldCondition, type: string): SQL {
  const value = sql`${contacts.attributes}->>${f.key}`;
  if (f.op === "set") return sql`${contacts.attributes} ? ${f.key}`;
  if (f.op === "unset") return sql`not (${contacts.attributes} ? ${f.key})`;
  if (f.op === "contains") return sql`${value} ilike ${`%${f.value.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`;
  if (type === "number") {
    const n = Number(f.value);
    if (!Number.isFinite(n) || f.value.trim() === "") throw new AppError("invalid_input", `field.${f.key}: not a number`, [{ path: `field.${f.key}`, message: "Not a number" }]);
    const num = sql`(case when jsonb_typeof(${contacts.attributes}->${f.key}) = 'number' then (${value})::numeric end)`;
    return f.op === "gte" ? sql`${num} >= ${n}` : f.op === "lte" ? sql`${num} <= ${n}` : sql`${num} = ${n}`;
  }
  return f.op === "gte" ? sql`${value} >= ${f.value}` : f.op === "lte" ? sql`${value} <= ${f.value}` : sql`${value} = ${f.value}`;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

function decodeCursor(raw: string): { at: string; id: string } {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString()) as { at: unknown; id: unknown };
    if (typeof c.at === "string" && TIMESTAMP.test(c.at) && typeof c.id === "string" && /^[0-9a-f-]{36}$/i.test(c.id)) return { at: c.at, id: c.id };
  } catch {
    // fall through
  }
  throw new AppError("bad_request", "Invalid cursor");
}
