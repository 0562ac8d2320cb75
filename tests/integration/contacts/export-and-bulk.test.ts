import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import Papa from "papaparse";
import { getDb } from "@/db";
import { contactCustomFields, contacts, contactTags, lifecycleStages, tags } from "@/db/schema";
import { bulkContactAction } from "@/lib/contacts/bulk-contact-action";
import { streamContactsCsv } from "@/lib/contacts/stream-contacts-csv";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { createInboxOrg, type InboxOrg } from "../inbox/fixtures";

let db: TestDatabase;
let org: InboxOrg;
let other: InboxOrg;

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createInboxOrg("contacts-export");
  other = await createInboxOrg("contacts-export-other");
  // 2,500 contacts: more than two export batches.
  await getDb().execute(sql`insert into contacts (organization_id, channel_id, wa_id, phone_e164, name, attributes, created_at)
    select ${org.owner.org.id}, ${org.channelId}, (5511900000000 + g)::text, '+' || (5511900000000 + g)::text, 'Person ' || g,
      jsonb_build_object('city', case when g % 2 = 0 then 'Recife' else '=cmd()' end), now() - (g || ' seconds')::interval
    from generate_series(1, 2500) g`);
  await getDb().execute(sql`insert into contacts (organization_id, channel_id, wa_id, phone_e164, name) values (${other.owner.org.id}, ${other.channelId}, '5511999990000', '+5511999990000', 'Foreign')`);
  await getDb().insert(contactCustomFields).values({ organizationId: org.owner.org.id, key: "city", label: "City", type: "text" });
});
afterAll(async () => db.drop());

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  let chunks = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
  return { text, chunks };
}

describe("CSV export", () => {
  it("streams every matching contact in batches, custom fields as columns, formulas defused", async () => {
    const { text, chunks } = await readAll(await streamContactsCsv(org.owner.org.id, {}));
    expect(chunks).toBeGreaterThanOrEqual(4); // header + 3 batches of at most 1,000
    expect(text.startsWith("\ufeff")).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(rows[0]).toEqual(["name", "profile_name", "phone", "bsuid", "email", "channel", "stage", "consent", "blocked", "tags", "created_at", "last_message_at", "city"]);
    expect(rows).toHaveLength(2501);
    expect(new Set(rows.slice(1).map((r) => r[2])).size).toBe(2500);
    expect(rows.some((r) => r[0] === "Foreign")).toBe(false);
    expect(rows.find((r) => r[0] === "Person 2")![12]).toBe("Recife");
    expect(rows.find((r) => r[0] === "Person 1")![12]).toBe("'=cmd()");
    expect(rows.find((r) => r[0] === "Person 1")![2]).toBe("+5511900000001");
  });

  it("a cancelled download ends cleanly; a filtered export holds only the matching contacts", async () => {
    const stream = await streamContactsCsv(org.owner.org.id, {});
    const reader = stream.getReader();
    await reader.read(); // header
    await reader.read(); // first batch
    await reader.cancel();
    const filtered = await readAll(await streamContactsCsv(org.owner.org.id, { fields: [{ key: "city", op: "eq", value: "Recife" }] }));
    expect(Papa.parse(filtered.text.slice(1).trim()).data).toHaveLength(1251);
  });
});

describe("bulk actions", () => {
  it("tags, untags, sets the stage and deletes by ids or by filter, only in the organization", async () => {
    const [tag] = await getDb().insert(tags).values({ organizationId: org.owner.org.id, name: "imported" }).returning();
    const recife = { fields: [{ key: "city", op: "eq" as const, value: "Recife" }] };
    expect(await bulkContactAction(org.owner, { action: "tag", tagId: tag.id, target: { filter: recife } })).toEqual({ affected: 1250 });
    // Again: nothing new to tag.
    expect(await bulkContactAction(org.owner, { action: "tag", tagId: tag.id, target: { filter: recife } })).toEqual({ affected: 0 });
    const [foreign] = await getDb().select().from(contacts).where(eq(contacts.organizationId, other.owner.org.id));
    expect(await bulkContactAction(org.owner, { action: "tag", tagId: tag.id, target: { ids: [foreign.id] } })).toEqual({ affected: 0 });
    expect((await getDb().select().from(contactTags).where(eq(contactTags.contactId, foreign.id))).length).toBe(0);

    const [someone] = await getDb().select().from(contacts).where(and(eq(contacts.organizationId, org.owner.org.id), eq(contacts.name, "Person 2")));
    expect(await bulkContactAction(org.owner, { action: "untag", tagId: tag.id, target: { ids: [someone.id] } })).toEqual({ affected: 1 });

    const [lead] = await getDb().select().from(lifecycleStages).where(and(eq(lifecycleStages.organizationId, org.owner.org.id), eq(lifecycleStages.key, "lead")));
    expect(await bulkContactAction(org.owner, { action: "setStage", stageId: lead.id, target: { filter: { tagIds: [tag.id] } } })).toEqual({ affected: 1249 });
    const [otherLead] = await getDb().select().from(lifecycleStages).where(eq(lifecycleStages.organizationId, other.owner.org.id));
    await expect(bulkContactAction(org.owner, { action: "setStage", stageId: otherLead.id, target: { ids: [someone.id] } })).rejects.toMatchObject({ code: "not_found" });

    expect(await bulkContactAction(org.owner, { action: "delete", target: { filter: { stageIds: [lead.id] } } })).toEqual({ affected: 1249 });
    const live = await getDb().select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.organizationId, org.owner.org.id), isNull(contacts.deletedAt)));
    expect(live[0].n).toBe(1251);
  });
});
