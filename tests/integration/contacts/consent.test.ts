import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functions, inngest } from "@/inngest";
import { getDb } from "@/db";
import { contactConsentEvents, contacts, conversations, messages, templates } from "@/db/schema";
import { sendReply } from "@/lib/inbox/send-reply";
import { updateContact } from "@/lib/inbox/update-contact";
import { AppError } from "@/lib/errors";
import { getConsentSettings } from "@/lib/contacts/consent-settings";
import { consentSettingsInput, updateConsentSettings } from "@/lib/contacts/update-consent-settings";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { createOrgWithChannel, fixture, postToChannel, waitProcessed, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { createPublishedFlow, customerSays, inboundTextsOf, newCustomer, repliesAtMock, waitForReplies } from "@/tests/integration/flows/flow-helpers";

const node = (id: string, type: string, data: unknown = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
// Answers every message with "hello": a keyword the flow saw would get a "hello" too.
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

beforeAll(async () => {
  mock = await startGraphMock({ accessToken: "EAAGtest-access-token-000000000000" });
  process.env.META_GRAPH_API_URL = mock.url;
  process.env.META_GRAPH_API_VERSION = "v24.0";
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
  ch = await createOrgWithChannel("consent", { phoneNumberId: "118293746501928", wabaId: "104857392018274" });
  await createPublishedFlow(ch.organizationId, graph, { name: "Hello" });
  for (const [name, category] of [["promo_sale", "MARKETING"], ["order_update", "UTILITY"]] as const) {
    await getDb().insert(templates).values({ organizationId: ch.organizationId, channelId: ch.channelId, wabaId: ch.wabaId, name, language: "en_US", category, status: "APPROVED", components: [{ type: "BODY", text: "Hi" }] });
  }
}, 120_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});

const contactOf = async (waId: string) => (await getDb().select().from(contacts).where(and(eq(contacts.organizationId, ch.organizationId), eq(contacts.waId, waId))))[0];
const historyOf = (contactId: string) =>
  getDb().select().from(contactConsentEvents).where(eq(contactConsentEvents.contactId, contactId)).orderBy(asc(contactConsentEvents.createdAt));
const conversationOf = async (contactId: string) => (await getDb().select().from(conversations).where(eq(conversations.contactId, contactId)))[0];
const template = (name: string) => ({ message: { type: "template" as const, name, language: "en_US", components: [] } });

async function refusalOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (err) {
    if (err instanceof AppError) return `${err.status} ${err.code}`;
    throw err;
  }
}

describe("opt-out and opt-in keywords", () => {
  const customer = newCustomer();

  it("SAIR (any case, accents, spaces) opts the contact out, is kept as evidence, is confirmed, and no flow answers it", async () => {
    await customerSays(ch, customer, "oi");
    await waitForReplies(mock, customer, 1);
    await customerSays(ch, customer, "  sáir ");
    await waitForReplies(mock, customer, 2);
    await waitProcessed([ch.organizationId]);
    const replies = repliesAtMock(mock, customer);
    expect(replies[0]).toBe("hello");
    expect(replies[1]).toMatch(/no longer receive marketing/);
    const contact = await contactOf(customer);
    expect(contact.optIn).toBe("opted_out");
    const history = await historyOf(contact.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ state: "opted_out", source: "keyword", purpose: "marketing" });
    expect(history[0].evidence).toMatchObject({ text: "  sáir " });
    expect(await inboundTextsOf(ch.organizationId, customer)).toEqual(["oi", "  sáir "]);
  });

  it("a marketing template to the opted-out contact is refused with the reason; a utility template still goes", async () => {
    const contact = await contactOf(customer);
    const conv = await conversationOf(contact.id);
    expect(await refusalOf(sendReply(ch.ctx, conv.id, template("promo_sale")))).toBe("409 contact_opted_out");
    const stored = await getDb().select().from(messages).where(and(eq(messages.conversationId, conv.id), eq(messages.type, "template")));
    expect(stored).toHaveLength(0);
    const sent = await sendReply(ch.ctx, conv.id, template("order_update"));
    expect(sent.created).toBe(true);
    await waitForReplies(mock, customer, 3);
    expect(repliesAtMock(mock, customer)[2]).toBe("[template] order_update");
  });

  it("VOLTAR opts back in (history grows) and the marketing template goes again", async () => {
    await customerSays(ch, customer, "Voltar");
    await waitForReplies(mock, customer, 4);
    expect(repliesAtMock(mock, customer)[3]).toMatch(/subscribed to our messages again/);
    const contact = await contactOf(customer);
    expect(contact.optIn).toBe("opted_in");
    expect((await historyOf(contact.id)).map((e) => e.state)).toEqual(["opted_out", "opted_in"]);
    const conv = await conversationOf(contact.id);
    expect((await sendReply(ch.ctx, conv.id, template("promo_sale"))).created).toBe(true);
  });

  it("a sentence that merely contains the word is no opt-out", async () => {
    await customerSays(ch, customer, "quero sair da fila");
    await waitForReplies(mock, customer, 6);
    expect((await contactOf(customer)).optIn).toBe("opted_in");
  });
});

describe("Meta's user_preferences webhook", () => {
  it("stop opts out with the item as evidence; a redelivery changes nothing; resume opts back in", async () => {
    // The fixture's user (5511987650001) writes first, so Papo knows them.
    await customerSays(ch, "5511987650001", "olá");
    await waitProcessed([ch.organizationId]);
    const stop = fixture("user_preferences_marketing_stop.json");
    expect((await postToChannel(ch.channelId, stop)).status).toBe(200);
    await waitProcessed([ch.organizationId]);
    let contact = await contactOf("5511987650001");
    expect(contact.optIn).toBe("opted_out");
    // Redelivered by Meta: the same item, deduplicated.
    expect((await postToChannel(ch.channelId, stop)).status).toBe(200);
    await waitProcessed([ch.organizationId]);
    let history = await historyOf(contact.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ state: "opted_out", source: "meta_preference" });
    expect(history[0].evidence).toMatchObject({ category: "marketing_messages", value: "stop", detail: "User requested to stop marketing messages" });
    const conv = await conversationOf(contact.id);
    expect(await refusalOf(sendReply(ch.ctx, conv.id, template("promo_sale")))).toBe("409 contact_opted_out");

    await postToChannel(ch.channelId, fixture("user_preferences_marketing_resume.json"));
    await waitProcessed([ch.organizationId]);
    contact = await contactOf("5511987650001");
    expect(contact.optIn).toBe("opted_in");
    history = await historyOf(contact.id);
    expect(history.map((e) => e.state)).toEqual(["opted_out", "opted_in"]);
  });
});

describe("blocked contacts", () => {
  it("their messages are stored, but no flow answers, no unread is counted and nothing is sent to them", async () => {
    const customer = newCustomer();
    await customerSays(ch, customer, "first");
    await waitForReplies(mock, customer, 1);
    const contact = await contactOf(customer);
    const before = await conversationOf(contact.id);
    await updateContact(ch.ctx, contact.id, { blocked: true });
    await customerSays(ch, customer, "second");
    await waitFor(async () => (await inboundTextsOf(ch.organizationId, customer)).length === 2, "the blocked contact's message stored");
    await waitProcessed([ch.organizationId]);
    await new Promise((r) => setTimeout(r, 500));
    expect(repliesAtMock(mock, customer)).toEqual(["hello"]);
    const after = await conversationOf(contact.id);
    expect(after.unreadCount).toBe(before.unreadCount);
    expect(await refusalOf(sendReply(ch.ctx, after.id, { message: { type: "text", body: "hi" } }))).toBe("409 contact_blocked");
    expect(await refusalOf(sendReply(ch.ctx, after.id, template("order_update")))).toBe("409 contact_blocked");
  });
});

describe("the organization's own keywords and confirmations (Settings → Consent)", () => {
  const customer = newCustomer();

  it("refuses a word on both lists and empty lists, with the field", async () => {
    const base = { optOutKeywords: ["BASTA"], optInKeywords: ["VOLTAR"], optOutConfirmation: "a", optInConfirmation: "b" };
    await expect(updateConsentSettings(ch.ctx, { ...base, optInKeywords: ["Básta", "VOLTAR"] })).rejects.toMatchObject({ code: "invalid_input", issues: [{ path: "optInKeywords" }] });
    expect(consentSettingsInput.safeParse({ ...base, optOutKeywords: [] }).success).toBe(false);
    expect(consentSettingsInput.safeParse({ ...base, optOutConfirmation: "  " }).success).toBe(false);
    expect(consentSettingsInput.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });

  it("replace the defaults: the new word opts out with the new confirmation, and SAIR goes to the flow", async () => {
    const saved = await updateConsentSettings(ch.ctx, {
      optOutKeywords: [" basta ", "BASTA", "chega"],
      optInKeywords: ["quero voltar"],
      optOutConfirmation: "Certo, sem mais promoções.",
      optInConfirmation: "Bem-vindo de volta.",
    });
    expect(saved).toEqual({ optOutKeywords: ["basta", "chega"], optInKeywords: ["quero voltar"], optOutConfirmation: "Certo, sem mais promoções.", optInConfirmation: "Bem-vindo de volta." });
    expect(await getConsentSettings(getDb(), ch.organizationId)).toEqual(saved);

    await customerSays(ch, customer, "SAIR");
    await waitForReplies(mock, customer, 1);
    expect(repliesAtMock(mock, customer)[0]).toBe("hello");
    await customerSays(ch, customer, "Chega");
    await waitForReplies(mock, customer, 2);
    expect(repliesAtMock(mock, customer)[1]).toBe("Certo, sem mais promoções.");
    expect((await contactOf(customer)).optIn).toBe("opted_out");
    await customerSays(ch, customer, "Quero  voltar");
    await waitForReplies(mock, customer, 3);
    expect(repliesAtMock(mock, customer)[2]).toBe("Bem-vindo de volta.");
    expect((await contactOf(customer)).optIn).toBe("opted_in");
  });
});
