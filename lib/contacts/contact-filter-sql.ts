import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { contacts, contactTags } from "@/db/schema";
import type { ContactFilter, FieldCondition } from "./contact-filter";

/**
 * The text the search matches: every name, the number, the business-scoped id, the e-mail and custom-field values.
 * The same expression is indexed (`contacts_search_trgm_idx`, a GIN trigram index in the migration's hand-written
 * block), so `ILIKE '%…%'` is answered from the index instead of reading the organization's table.
 */
export const contactSearchText = sql`papo_contact_search_text(${contacts.name}, ${contacts.profileName}, ${contacts.phoneE164}, ${contacts.userId}, ${contacts.email}, ${contacts.attributes})`;

/** Every custom-field value of a contact as `<organization>:<key>=<lower value>`, indexed by GIN (see the migration). */
const contactAttributeTerms = sql`papo_contact_attribute_terms(${contacts.organizationId}, ${contacts.attributes})`;

/** The conditions for one organization's live contacts matching a filter (see contact-filter.ts). */
export function contactFilterWhere(organizationId: string, filter: ContactFilter): SQL {
  const where: SQL[] = [eq(contacts.organizationId, organizationId), isNull(contacts.deletedAt)];
  const q = filter.q?.trim();
  if (q) where.push(sql`${contactSearchText} ilike ${`%${escapeLike(q.toLowerCase())}%`}`);
  if (filter.ids) where.push(filter.ids.length ? inArray(contacts.id, filter.ids) : sql`false`);
  if (filter.tagIds?.length) where.push(sql`exists (select 1 from ${contactTags} where ${contactTags.contactId} = ${contacts.id} and ${inArray(contactTags.tagId, filter.tagIds)})`);
  if (filter.excludeTagIds?.length) {
    where.push(sql`not exists (select 1 from ${contactTags} where ${contactTags.contactId} = ${contacts.id} and ${inArray(contactTags.tagId, filter.excludeTagIds)})`);
  }
  if (filter.stageIds?.length) {
    const ids = filter.stageIds.filter((s): s is string => s !== null);
    const none = filter.stageIds.includes(null);
    const parts = [ids.length ? inArray(contacts.lifecycleStageId, ids) : undefined, none ? isNull(contacts.lifecycleStageId) : undefined].filter(Boolean) as SQL[];
    where.push(or(...parts)!);
  }
  if (filter.consent?.length) where.push(inArray(contacts.optIn, filter.consent));
  if (filter.channelIds?.length) where.push(inArray(contacts.channelId, filter.channelIds));
  if (filter.blocked !== undefined) where.push(eq(contacts.blocked, filter.blocked));
  if (filter.createdFrom) where.push(sql`${contacts.createdAt} >= ${from(filter.createdFrom)}::timestamptz`);
  if (filter.createdTo) where.push(sql`${contacts.createdAt} < ${to(filter.createdTo)}::timestamptz`);
  if (filter.lastMessageFrom) where.push(sql`${contacts.lastInboundAt} >= ${from(filter.lastMessageFrom)}::timestamptz`);
  if (filter.lastMessageTo) where.push(sql`${contacts.lastInboundAt} < ${to(filter.lastMessageTo)}::timestamptz`);
  for (const c of filter.fields ?? []) where.push(fieldConditionSql(organizationId, c));
  return and(...where)!;
}

function fieldConditionSql(organizationId: string, c: FieldCondition): SQL {
  const text = sql`(${contacts.attributes} ->> ${c.key})`;
  const json = sql`(${contacts.attributes} -> ${c.key})`;
  const value = c.value === undefined ? "" : String(c.value);
  switch (c.op) {
    case "exists":
      return sql`coalesce(${text}, '') <> ''`;
    case "not_exists":
      return sql`coalesce(${text}, '') = ''`;
    case "eq": {
      // The term lets the GIN index (contacts_attribute_terms_idx) find the organization's matching contacts; the
      // exact comparison after it rechecks (a term is lower-cased and cut at 400 characters).
      const term = sql`${contactAttributeTerms} @> array[left(${organizationId}::uuid::text || ':' || ${c.key}::text || '=' || lower(${value}::text), 400)]`;
      return typeof c.value === "string" ? sql`(${term} and lower(${text}) = ${value.toLowerCase()})` : sql`(${term} and ${text} = ${value})`;
    }
    case "neq":
      return typeof c.value === "string" ? sql`lower(${text}) is distinct from ${value.toLowerCase()}` : sql`${text} is distinct from ${value}`;
    case "contains":
      return sql`${text} ilike ${`%${escapeLike(value)}%`}`;
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const op = sql.raw({ gt: ">", gte: ">=", lt: "<", lte: "<=" }[c.op]);
      // Numbers compare as numbers (only where the stored value is one, so no cast can fail); text (ISO dates) as text.
      if (typeof c.value === "number") return sql`(case when jsonb_typeof(${json}) = 'number' then (${text})::numeric ${op} ${c.value} else false end)`;
      return sql`(case when jsonb_typeof(${json}) = 'string' then ${text} ${op} ${value} else false end)`;
    }
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

function from(d: string): string {
  return d.length === 10 ? `${d}T00:00:00Z` : d;
}

/** A date-only upper bound includes that whole day. */
function to(d: string): string {
  if (d.length !== 10) return d;
  const next = new Date(`${d}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}
