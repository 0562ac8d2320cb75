import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, contactTags, lifecycleStages, tags } from "@/db/schema";
import { contactFilterSchema, parseFilterParam, type ContactFilter } from "@/lib/contacts/contact-filter";
import { contactFilterWhere, contactSearchText } from "@/lib/contacts/contact-filter-sql";
import { countContacts } from "@/lib/contacts/count-contacts";
import { listContacts } from "@/lib/contacts/list-contacts";
import { createSegment } from "@/lib/contacts/segments/create-segment";
import { getSegmentOrThrow } from "@/lib/contacts/segments/get-segment-or-throw";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { createInboxOrg, type InboxOrg } from "../inbox/fixtures";

let db: TestDatabase;
let org: InboxOrg;
let other: InboxOrg;
const ids: Record<string, string> = {};

async function contact(o: InboxOrg, values: Partial<typeof contacts.$inferInsert> & { phoneE164: string }) {
  const [row] = await getDb()
    .insert(contacts)
    .values({ organizationId: o.owner.org.id, channelId: o.channelId, waId: values.phoneE164.slice(1), ...values })
    .returning();
  return row.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createInboxOrg("contacts-list");
  other = await createInboxOrg("contacts-other");
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));
  ids.maria = await contact(org, { name: "Maria Souza", phoneE164: "+5511988887777", optIn: "opted_in", attributes: { city: "Recife", plan: "gold", score: 12 }, createdAt: day(1), lastInboundAt: day(20) });
  ids.joao = await contact(org, { profileName: "João Lima", phoneE164: "+5521977776666", email: "joao@example.com", optIn: "opted_out", attributes: { city: "Rio", score: 3 }, createdAt: day(2) });
  ids.ana = await contact(org, { name: "Ana", phoneE164: "+5531966665555", attributes: { plan: "silver", renewal: "2026-12-10" }, createdAt: day(3), lastInboundAt: day(25) });
  ids.blocked = await contact(org, { name: "Spam", phoneE164: "+5541955554444", blocked: true, createdAt: day(4) });
  ids.deleted = await contact(org, { name: "Maria Deleted", phoneE164: "+5551944443333", deletedAt: new Date(), createdAt: day(5) });
  // Same created_at for two rows: the keyset must still split them exactly.
  ids.tieA = await contact(org, { name: "Tie A", phoneE164: "+5561933332222", createdAt: day(6) });
  ids.tieB = await contact(org, { name: "Tie B", phoneE164: "+5561933331111", createdAt: day(6) });
  ids.foreign = await contact(other, { name: "Maria Souza", phoneE164: "+5511988887777", createdAt: day(1) });
  const [vip] = await getDb().insert(tags).values({ organizationId: org.owner.org.id, name: "vip" }).returning();
  ids.vip = vip.id;
  await getDb().insert(contactTags).values([
    { organizationId: org.owner.org.id, contactId: ids.maria, tagId: vip.id },
    { organizationId: org.owner.org.id, contactId: ids.ana, tagId: vip.id },
  ]);
  const [customer] = await getDb().select().from(lifecycleStages).where(and(eq(lifecycleStages.organizationId, org.owner.org.id), eq(lifecycleStages.key, "customer")));
  ids.customer = customer.id;
  await getDb().update(contacts).set({ lifecycleStageId: customer.id }).where(eq(contacts.id, ids.joao));
});
afterAll(async () => db.drop());

const names = async (filter: ContactFilter, o: InboxOrg = org) =>
  (await listContacts({ organizationId: o.owner.org.id, filter, sort: "name", direction: "asc" })).contacts.map((c) => c.name ?? c.profileName);

describe("listContacts", () => {
  it("lists only the organization's live contacts, with channel, tags and stage", async () => {
    const page = await listContacts({ organizationId: org.owner.org.id, filter: {} });
    expect(page.contacts.map((c) => c.id).sort()).toEqual([ids.maria, ids.joao, ids.ana, ids.blocked, ids.tieA, ids.tieB].sort());
    const maria = page.contacts.find((c) => c.id === ids.maria)!;
    expect(maria.tags.map((t) => t.name)).toEqual(["vip"]);
    expect(maria.channel.name).toBe("Sandbox");
    expect(page.contacts.find((c) => c.id === ids.joao)!.stage?.id).toBe(ids.customer);
  });

  it("searches name, profile name, number, e-mail and custom-field values through the trigram index", async () => {
    expect(await names({ q: "souza" })).toEqual(["Maria Souza"]);
    expect(await names({ q: "joão" })).toEqual(["João Lima"]);
    expect(await names({ q: "98888" })).toEqual(["Maria Souza"]);
    expect(await names({ q: "JOAO@EXAMPLE" })).toEqual(["João Lima"]);
    expect(await names({ q: "recife" })).toEqual(["Maria Souza"]);
    expect(await names({ q: "100%" })).toEqual([]);
    // Enough rows (in the other organization) for the planner to prefer the index over reading the table.
    await getDb().execute(sql`insert into contacts (organization_id, channel_id, phone_e164, name)
      select ${other.owner.org.id}, ${other.channelId}, '+55' || (61900000000 + g)::text, 'Filler ' || md5(g::text) from generate_series(1, 5000) g`);
    await getDb().execute(sql`analyze contacts`);
    const text = JSON.stringify(await getDb().execute(sql`explain select id from contacts where organization_id = ${other.owner.org.id} and deleted_at is null and ${contactSearchText} ilike '%souza%'`));
    expect(text).toContain("contacts_search_trgm_idx");
  });

  it("filters by tags, stage, consent, blocked, dates and custom fields", async () => {
    expect(await names({ tagIds: [ids.vip] })).toEqual(["Ana", "Maria Souza"]);
    expect(await names({ excludeTagIds: [ids.vip], blocked: false })).toEqual(["João Lima", "Tie A", "Tie B"]);
    expect(await names({ stageIds: [ids.customer] })).toEqual(["João Lima"]);
    expect(await names({ consent: ["opted_out"] })).toEqual(["João Lima"]);
    expect(await names({ blocked: true })).toEqual(["Spam"]);
    expect(await names({ createdFrom: "2026-11-02", createdTo: "2026-11-03" })).toEqual(["Ana", "João Lima"]);
    expect(await names({ lastMessageFrom: "2026-11-21" })).toEqual(["Ana"]);
    expect(await names({ fields: [{ key: "city", op: "eq", value: "recife" }] })).toEqual(["Maria Souza"]);
    expect(await names({ fields: [{ key: "score", op: "gt", value: 5 }] })).toEqual(["Maria Souza"]);
    expect(await names({ fields: [{ key: "renewal", op: "lt", value: "2027-01-01" }] })).toEqual(["Ana"]);
    expect(await names({ fields: [{ key: "plan", op: "exists" }, { key: "plan", op: "neq", value: "gold" }] })).toEqual(["Ana"]);
    expect(await names({ channelIds: [other.channelId] })).toEqual([]);
  });

  it("pages with a keyset cursor in both directions, splitting equal sort keys exactly", async () => {
    for (const direction of ["asc", "desc"] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listContacts>> = await listContacts({ organizationId: org.owner.org.id, filter: {}, sort: "created", direction, limit: 2, cursor });
        seen.push(...page.contacts.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(6);
      expect(new Set(seen).size).toBe(6);
      expect(seen[direction === "asc" ? 0 : 5]).toBe(ids.maria);
    }
    await expect(listContacts({ organizationId: org.owner.org.id, filter: {}, cursor: "garbage" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("counts the same set the list shows, and a segment keeps its filter", async () => {
    expect(await countContacts(org.owner.org.id, { tagIds: [ids.vip] })).toBe(2);
    expect(await countContacts(other.owner.org.id, { q: "maria" })).toBe(1);
    const segment = await createSegment(org.owner, { name: "Gold in Recife", filter: { fields: [{ key: "plan", op: "eq", value: "gold" }] } });
    const stored = await getSegmentOrThrow(org.owner.org.id, segment.id);
    expect(await countContacts(org.owner.org.id, stored.filter)).toBe(1);
    await expect(getSegmentOrThrow(other.owner.org.id, segment.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a segment count by consent and custom-field value is answered from indexes, not the organization's rows", async () => {
    // 5,000 fillers of the other organization (previous test); the count for a value only one of them has.
    await getDb().execute(sql`update contacts set attributes = jsonb_build_object('plan', case when name like 'Filler 0%' then 'gold' else 'basic' end)
      where organization_id = ${other.owner.org.id}`);
    await getDb().execute(sql`analyze contacts`);
    const filter: ContactFilter = { consent: ["unknown"], fields: [{ key: "plan", op: "eq", value: "GOLD" }] };
    const plan = JSON.stringify(await getDb().execute(sql`explain select count(*) from ${contacts} where ${contactFilterWhere(other.owner.org.id, filter)}`));
    expect(plan).toContain("contacts_attribute_terms_idx");
    const [{ n }] = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(contacts)
      .where(sql`organization_id = ${other.owner.org.id} and deleted_at is null and opt_in = 'unknown' and attributes->>'plan' = 'gold'`);
    expect(n).toBeGreaterThan(0);
    expect(await countContacts(other.owner.org.id, filter)).toBe(n);
    // The same value in another organization is not counted (the term carries the organization).
    expect(await countContacts(org.owner.org.id, { fields: [{ key: "plan", op: "eq", value: "gold" }] })).toBe(1);
  });

  it("refuses filters it cannot run", () => {
    expect(() => parseFilterParam("{nope")).toThrow(/JSON/);
    expect(() => parseFilterParam(JSON.stringify({ q: "a\u0000b" }))).toThrow(/NUL/);
    expect(contactFilterSchema.safeParse({ fields: [{ key: "x; drop", op: "eq", value: "1" }] }).success).toBe(false);
    expect(contactFilterSchema.safeParse({ fields: [{ key: "x", op: "gt" }] }).success).toBe(false);
    expect(contactFilterSchema.safeParse({ unknown: 1 }).success).toBe(false);
  });
});
