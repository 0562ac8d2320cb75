import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functions, inngest } from "@/inngest";
import { getDb } from "@/db";
import { attachments, auditLog, contactConsentEvents, contactTags, contacts, conversations, flowSessions, messages, organizations, tags } from "@/db/schema";
import { addNote } from "@/lib/inbox/add-note";
import { updateContact } from "@/lib/inbox/update-contact";
import { createTag } from "@/lib/inbox/create-tag";
import { setContactTag } from "@/lib/inbox/set-contact-tag";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { mergeContacts } from "@/lib/contacts/merge-contacts";
import { contactTimeline } from "@/lib/contacts/contact-timeline";
import { createChannel } from "@/lib/channels/create-channel";
import { createContact } from "@/lib/contacts/create-contact";
import { createCustomField } from "@/lib/contacts/custom-fields";
import { listContacts } from "@/lib/contacts/list-contacts";
import { parseContactListFilter } from "@/lib/contacts/contact-list-filter";
import { getContactPanel } from "@/lib/inbox/get-contact-panel";
import { loadEngineContext } from "@/lib/flows/runtime/load-engine-context";
import { interpolate } from "@/lib/flows/variables/interpolate";
import { mediaKey } from "@/lib/media/media-storage";
import { mediaStorageFor } from "@/lib/media/media-storage-for";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { createOrgWithChannel, waitProcessed, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { createPublishedFlow, customerSays, newCustomer, waitForReplies } from "@/tests/integration/flows/flow-helpers";
import { createConversation, createInboxOrg, type InboxOrg } from "@/tests/integration/inbox/fixtures";

const node = (id: string, type: string, data: unknown = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
const graph = {
  nodes: [node("s", "start", { triggers: [{ kind: "any_message" }] }), node("a", "send_message", { text: "hello" }), node("e", "end", {})],
  edges: [
    { id: "s-a", source: "s", target: "a", sourceHandle: "next" },
    { id: "a-e", source: "a", target: "e", sourceHandle: "next" },
  ],
};

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let ch: TestChannel;
let org: InboxOrg;

beforeAll(async () => {
  mock = await startGraphMock({ accessToken: "EAAGtest-access-token-000000000000" });
  process.env.META_GRAPH_API_URL = mock.url;
  process.env.META_GRAPH_API_VERSION = "v24.0";
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
  ch = await createOrgWithChannel("erase");
  await createPublishedFlow(ch.organizationId, graph, { name: "Hello" });
  org = await createInboxOrg("contacts-api");
}, 120_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});

/** Every row of every table (as text) that mentions one of the needles; executor history tables excluded by design. */
async function tablesMentioning(needles: string[]): Promise<string[]> {
  const tables = (await getDb().execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown;
  const names = ((tables as { rows?: { table_name: string }[] }).rows ?? (tables as { table_name: string }[])).map((r) => r.table_name);
  const hits: string[] = [];
  for (const name of names) {
    // inngest_*: the executor's run history (event data, step outputs) is kept until prune-run-history's retention
    // removes it; erase-contact.ts documents this gap.
    if (name.startsWith("inngest_") || name === "__drizzle_migrations") continue;
    for (const needle of needles) {
      const res = (await getDb().execute(
        name === "webhook_events"
          ? sql`select count(*)::int as n from webhook_events t where t::text ilike ${`%${needle}%`} or position(convert_to(${needle}, 'UTF8') in t.raw_body) > 0`
          : sql`select count(*)::int as n from ${sql.identifier(name)} t where t::text ilike ${`%${needle}%`}`,
      )) as unknown;
      const n = ((res as { rows?: { n: number }[] }).rows ?? (res as { n: number }[]))[0].n;
      if (n > 0) hits.push(`${name}: ${needle}`);
    }
  }
  return hits;
}

describe("erase (data-subject request)", () => {
  it("removes the person's data and message contents from every table, keeps the counts, and is audited", async () => {
    const customer = newCustomer();
    const secret = `my secret address ${randomBytes(4).toString("hex")}`;
    await customerSays(ch, customer, secret);
    await waitForReplies(mock, customer, 1);
    await customerSays(ch, customer, "SAIR");
    await waitForReplies(mock, customer, 2);
    await waitProcessed([ch.organizationId]);
    const [contact] = await getDb().select().from(contacts).where(and(eq(contacts.organizationId, ch.organizationId), eq(contacts.waId, customer)));
    const [conv] = await getDb().select().from(conversations).where(eq(conversations.contactId, contact.id));
    const uniqueName = `Erasable ${randomBytes(3).toString("hex")}`;
    await updateContact(ch.ctx, contact.id, { name: uniqueName, email: `${uniqueName.replace(" ", ".").toLowerCase()}@example.test`, attributes: { city: "Recife Secret" } });
    await addNote(ch.ctx, conv.id, `Customer ${uniqueName} lives at ${secret}`);
    await getDb().update(flowSessions).set({ state: sql`${flowSessions.state} || ${JSON.stringify({ variables: { answer: secret } })}::jsonb` }).where(eq(flowSessions.conversationId, conv.id));
    // An inbound image whose file is stored.
    const [inboundText] = await getDb().select().from(messages).where(and(eq(messages.conversationId, conv.id), eq(messages.direction, "inbound"))).limit(1);
    const key = mediaKey(ch.organizationId, crypto.randomUUID(), "jpg");
    await mediaStorageFor().put(key, new Uint8Array([0xff, 0xd8, 0xff]), "image/jpeg");
    await getDb().insert(attachments).values({ organizationId: ch.organizationId, messageId: inboundText.id, waMediaId: "media-1", filename: `${uniqueName}.jpg`, storageKey: key, status: "stored", sha256: "abc" });
    const messageCount = (await getDb().select().from(messages).where(eq(messages.conversationId, conv.id))).length;

    const needles = [customer, customer.slice(2), secret, uniqueName, "Recife Secret", "Maria Silva"];
    expect((await tablesMentioning(needles)).length).toBeGreaterThan(0);

    const result = await eraseContact(ch.ctx, contact.id);
    expect(result).toMatchObject({ conversations: 1, messages: messageCount });
    expect(result.webhookEvents).toBeGreaterThanOrEqual(2);

    expect(await tablesMentioning(needles)).toEqual([]);
    expect(await mediaStorageFor().get(key)).toBeNull();
    // Counts kept: the contact row, its conversation and every message row remain.
    const [after] = await getDb().select().from(contacts).where(eq(contacts.id, contact.id));
    expect(after).toMatchObject({ name: null, waId: null, phoneE164: null, email: null, attributes: {} });
    expect(after.erasedAt).not.toBeNull();
    expect(after.erasedIdentityHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await getDb().select().from(messages).where(eq(messages.conversationId, conv.id))).length).toBe(messageCount);
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.targetId, contact.id), eq(auditLog.action, "contact.erase")));
    expect(audit).toHaveLength(1);
    await expect(eraseContact(ch.ctx, contact.id)).rejects.toMatchObject({ code: "conflict" });

    // The person writes again: a new contact, not the erased one brought back.
    await customerSays(ch, customer, "oi de novo");
    await waitProcessed([ch.organizationId]);
    const again = await getDb().select().from(contacts).where(and(eq(contacts.organizationId, ch.organizationId), eq(contacts.waId, customer)));
    expect(again).toHaveLength(1);
    expect(again[0].id).not.toBe(contact.id);
    expect((await getContactPanel(ch.organizationId, again[0].id)).contact.previouslyErasedAt).toBe(after.erasedAt!.toISOString());
  });

  it("another organization cannot erase it (404)", async () => {
    const c = await createConversation(org, { contactName: "Tenant" });
    await expect(eraseContact(ch.ctx, c.contactId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("merge", () => {
  it("moves both histories to the target, unions tags, merges attributes with the target winning, audited", async () => {
    const a = await createConversation(org, { contactName: "Ana Target" });
    const b = await createConversation(org, { contactName: "Ana Source" });
    for (const [c, body] of [[a, "from a"], [b, "from b"]] as const) {
      await getDb().insert(messages).values({ organizationId: org.owner.org.id, channelId: org.channelId, conversationId: c.id, direction: "inbound", type: "text", content: { text: { body } }, waMessageId: `wamid.${randomBytes(6).toString("hex")}`, status: "received", sender: "contact" });
    }
    const t1 = await createTag(org.owner, { name: `vip-${randomBytes(2).toString("hex")}` });
    const t2 = await createTag(org.owner, { name: `lead-${randomBytes(2).toString("hex")}` });
    await setContactTag(org.owner, a.contactId, t1.id, true);
    await setContactTag(org.owner, b.contactId, t1.id, true);
    await setContactTag(org.owner, b.contactId, t2.id, true);
    await getDb().update(contacts).set({ attributes: { city: "Target City" }, email: null }).where(eq(contacts.id, a.contactId));
    await getDb().update(contacts).set({ attributes: { city: "Source City", size: "L" }, email: "ana@example.test", optIn: "opted_out" }).where(eq(contacts.id, b.contactId));

    const merged = await mergeContacts(org.owner, a.contactId, b.contactId);
    expect(merged.merged).toEqual({ conversations: 1, linked: false });
    const convs = await getDb().select().from(conversations).where(eq(conversations.contactId, a.contactId));
    expect(convs.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    const bodies = await getDb()
      .select({ content: messages.content })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(conversations.contactId, a.contactId));
    expect(bodies.map((m) => (m.content as { text: { body: string } }).text.body).sort()).toEqual(["from a", "from b"]);
    const tagIds = (await getDb().select().from(contactTags).where(eq(contactTags.contactId, a.contactId))).map((t) => t.tagId);
    expect(tagIds.sort()).toEqual([t1.id, t2.id].sort());
    const [target] = await getDb().select().from(contacts).where(eq(contacts.id, a.contactId));
    expect(target).toMatchObject({ name: "Ana Target", email: "ana@example.test", optIn: "opted_out", attributes: { city: "Target City", size: "L" } });
    const [source] = await getDb().select().from(contacts).where(eq(contacts.id, b.contactId));
    expect(source.deletedAt).not.toBeNull();
    expect((await getDb().select().from(auditLog).where(and(eq(auditLog.targetId, a.contactId), eq(auditLog.action, "contact.merge")))).length).toBe(1);
    void tags;
  });

  it("across channels links the two as one person: both histories kept, each conversation stays on its channel", async () => {
    const second = await createChannel(org.owner, { provider: "sandbox", name: "Second line", displayPhoneNumber: "+5511955554444" });
    const a = await createConversation(org, { contactName: "Bia Channel A" });
    const [bContact] = await getDb()
      .insert(contacts)
      .values({ organizationId: org.owner.org.id, channelId: second.id, waId: "5521977776666", phoneE164: "+5521977776666", email: "bia@example.test", optIn: "opted_out", attributes: { city: "Natal" } })
      .returning();
    const [bConv] = await getDb().insert(conversations).values({ organizationId: org.owner.org.id, channelId: second.id, contactId: bContact.id }).returning();
    const t = await createTag(org.owner, { name: `both-${randomBytes(2).toString("hex")}` });
    await setContactTag(org.owner, bContact.id, t.id, true);

    const merged = await mergeContacts(org.owner, a.contactId, bContact.id);
    expect(merged.merged).toEqual({ conversations: 0, linked: true, personId: a.contactId });
    // Both contacts stay live, each with its own conversation on its own channel.
    const rows = await getDb().select().from(contacts).where(inArray(contacts.id, [a.contactId, bContact.id]));
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[a.contactId]).toMatchObject({ deletedAt: null, personId: a.contactId, channelId: org.channelId, name: "Bia Channel A", email: "bia@example.test", optIn: "opted_out", attributes: { city: "Natal" } });
    expect(byId[bContact.id]).toMatchObject({ deletedAt: null, personId: a.contactId, channelId: second.id, waId: "5521977776666", optIn: "opted_out" });
    const convs = await getDb().select().from(conversations).where(inArray(conversations.id, [a.id, bConv.id]));
    expect(Object.fromEntries(convs.map((c) => [c.id, [c.contactId, c.channelId]]))).toEqual({ [a.id]: [a.contactId, org.channelId], [bConv.id]: [bContact.id, second.id] });
    // The opt-out on one side is consent history on the other; tags are on both.
    const history = await getDb().select().from(contactConsentEvents).where(eq(contactConsentEvents.contactId, a.contactId));
    expect(history).toMatchObject([{ state: "opted_out", source: "agent", evidence: { reason: "merged_across_channels", optedOutContactId: bContact.id } }]);
    expect((await getDb().select().from(contactTags).where(eq(contactTags.contactId, a.contactId))).map((r) => r.tagId)).toContain(t.id);
    // Either contact's timeline is the whole person's: both conversations, each with its channel.
    for (const id of [a.contactId, bContact.id]) {
      const opened = (await contactTimeline(org.owner.org.id, id)).filter((e) => e.kind === "conversation.opened").map((e) => e.detail);
      expect(opened).toEqual(expect.arrayContaining([{ conversationId: a.id, channelId: org.channelId, contactId: a.contactId }, { conversationId: bConv.id, channelId: second.id, contactId: bContact.id }]));
      expect(opened).toHaveLength(2);
    }
    // A third contact (another number on the first line) merged with the linked one joins the same person.
    const c = await getDb().insert(contacts).values({ organizationId: org.owner.org.id, channelId: org.channelId, waId: "5521977775555", phoneE164: "+5521977775555" }).returning();
    await mergeContacts(org.owner, c[0].id, bContact.id);
    const [third] = await getDb().select({ personId: contacts.personId }).from(contacts).where(eq(contacts.id, c[0].id));
    expect(third.personId).toBe(a.contactId);
  });

  it("a contact cannot be merged into itself, nor with another organization's", async () => {
    const a = await createConversation(org, {});
    await expect(mergeContacts(org.owner, a.contactId, a.contactId)).rejects.toMatchObject({ code: "invalid_input" });
    const foreign = (await getDb().select().from(contacts).where(eq(contacts.organizationId, ch.organizationId)).limit(1))[0];
    await expect(mergeContacts(org.owner, a.contactId, foreign.id)).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("create, plan limit, custom fields, filters, agent rule", () => {
  it("the plan's contacts limit refuses the contact that does not fit", async () => {
    const [{ n }] = (await getDb().select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.organizationId, org.owner.org.id), sql`deleted_at is null`)));
    await getDb().update(organizations).set({ limits: { channels: 10, members: 50, contacts: n + 1 } }).where(eq(organizations.id, org.owner.org.id));
    const created = await createContact(org.owner, { channelId: org.channelId, phone: "+55 11 98888-1001", name: "Fits" });
    expect(created.phoneE164).toBe("+5511988881001");
    await expect(createContact(org.owner, { channelId: org.channelId, phone: "+55 11 98888-1002" })).rejects.toMatchObject({ code: "plan_limit_reached", status: 409 });
    await expect(createContact(org.owner, { channelId: org.channelId, phone: "+55 11 98888-1001" })).rejects.toMatchObject({ code: "plan_limit_reached" });
    await getDb().update(organizations).set({ limits: { channels: 10, members: 50 } }).where(eq(organizations.id, org.owner.org.id));
    await expect(createContact(org.owner, { channelId: org.channelId, phone: "+55 11 98888-1001" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("custom field values are validated by type; list filters on them, on stage and consent", async () => {
    await createCustomField(org.owner, { key: "age", label: "Age", type: "number" });
    await createCustomField(org.owner, { key: "plan", label: "Plan", type: "choice", options: ["basic", "pro"] });
    const c = await createConversation(org, { contactName: "Filtered" });
    await expect(updateContact(org.owner, c.contactId, { attributes: { age: "old" } })).rejects.toMatchObject({ code: "invalid_input", issues: [{ path: "attributes.age" }] });
    await expect(updateContact(org.owner, c.contactId, { attributes: { plan: "gold" } })).rejects.toMatchObject({ code: "invalid_input" });
    await updateContact(org.owner, c.contactId, { attributes: { age: 42, plan: "pro" } });
    const other = await createConversation(org, { contactName: "Young" });
    await updateContact(org.owner, other.contactId, { attributes: { age: 20 } });
    const list = (q: string) => listContacts(org.owner.org.id, parseContactListFilter(new URLSearchParams(q))).then((r) => r.contacts.map((x) => x.id));
    expect(await list("field.age:gte=30")).toEqual([c.contactId]);
    expect(await list("field.plan=pro")).toEqual([c.contactId]);
    expect(await list("q=Young")).toEqual([other.contactId]);
    expect(await list("consent=opted_out")).not.toContain(c.contactId);
    await expect(list("field.age:gte=abc")).rejects.toMatchObject({ code: "invalid_input" });
    // Flows read them as {{contact.<key>}}.
    const scope = { ...(await loadEngineContext(org.owner.org.id, c.contactId, org.channelId, new Date())), variables: {} };
    expect(interpolate("Plan {{contact.plan}}, age {{ contact.age }}, {{contact.first_name}}", scope)).toBe("Plan pro, age 42, Filtered");
  });

  it("agents edit contacts of conversations they may act on; others' are 403; another org's are 404", async () => {
    const agentA = await org.as("agent");
    const agentB = await org.as("agent");
    const c = await createConversation(org, { contactName: "Assigned" });
    await getDb().update(conversations).set({ assigneeId: agentB.userId }).where(eq(conversations.id, c.id));
    await expect(updateContact(agentA, c.contactId, { name: "Nope" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await updateContact(agentB, c.contactId, { name: "Mine" })).contact.name).toBe("Mine");
    expect((await updateContact(org.owner, c.contactId, { name: "Admin" })).contact.name).toBe("Admin");
    await expect(updateContact(ch.ctx, c.contactId, { name: "Outsider" })).rejects.toMatchObject({ code: "not_found" });
    const viewer = await org.as("viewer");
    await expect(updateContact(viewer, c.contactId, { name: "Viewer" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
