import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { contactTags, contacts, tags } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { buildGalleryFlow } from "@/lib/flows/gallery/flow-gallery";
import type { GalleryEntryId } from "@/lib/flows/gallery/gallery-entry";
import { setFlowRuntimeSettings } from "@/lib/flows/runtime/flow-runtime-settings";
import { createConnection } from "@/lib/integrations/manage-connections";
import type { Locale } from "@/lib/i18n/locales";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { startCustomerSystemMock, type CustomerSystemMock } from "@/tests/support/customer-system-mock";
import { createOrgWithChannel, postToChannel, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { createPublishedFlow, customerMessage, customerSays, customerTaps, newCustomer, waitForReplies } from "./flow-helpers";

// The gallery's flows as an organization creates them (with its connection "erp"), run by the engine against a
// local mock of the business's own system: what the customer receives is asserted message by message.
let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let erp: CustomerSystemMock;
let ch: TestChannel;

const MARIA_CPF = "52998224725";

beforeAll(async () => {
  mock = await startGraphMock({ accessToken: "EAAGtest-access-token-000000000000" });
  process.env.META_GRAPH_API_URL = mock.url;
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
  erp = await startCustomerSystemMock();
  ch = await createOrgWithChannel("gallery");
  await createConnection(ch.ctx, { name: "erp", baseUrl: erp.url, headers: { "x-api-key": erp.key } });
  // The customer's system is on loopback here: the organization allows private addresses.
  await setFlowRuntimeSettings(ch.organizationId, { allowPrivateHttp: true, ai: null });
  const publish = (id: GalleryEntryId, locale: Locale) => createPublishedFlow(ch.organizationId, buildGalleryFlow(id, locale, "erp").graph, { name: id });
  await publish("identify-customer", "pt-BR");
  await publish("second-copy-of-bill", "en");
  await publish("appointment-reschedule", "en");
  await publish("opt-out-confirmation", "pt-BR");
}, 240_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await erp?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});

const T = 90_000;

/** The customer picks a row of a list message (interactive list_reply), through the signed webhook route. */
async function customerPicks(from: string, id: string, title: string) {
  const body = JSON.parse(customerMessage(ch, from, "x"));
  const msg = body.entry[0].changes[0].value.messages[0];
  delete msg.text;
  msg.type = "interactive";
  msg.interactive = { type: "list_reply", list_reply: { id, title } };
  expect((await postToChannel(ch.channelId, JSON.stringify(body))).status).toBe(200);
}

describe("gallery: identify the customer (pt-BR)", () => {
  it("a known number: 'Você é …?' yes → greeted by name", async () => {
    const c = newCustomer();
    erp.customers.push({ id: "c100", name: "Maria Souza", phone: `+${c}`, document: MARIA_CPF });
    await customerSays(ch, c, "identificar");
    expect(await waitForReplies(mock, c, 1, T)).toEqual(["[button] Você é Maria Souza?"]);
    await customerTaps(ch, c, "yes", "Sim");
    expect((await waitForReplies(mock, c, 2, T))[1]).toBe("Obrigado, Maria Souza. Como podemos ajudar?");
  }, 240_000);

  it("not Maria: asks the CPF, refuses wrong check digits, finds the customer by a valid one", async () => {
    const c = newCustomer();
    erp.customers.push({ id: "c101", name: "Maria Souza", phone: `+${c}`, document: MARIA_CPF });
    erp.customers.push({ id: "c102", name: "Paulo Reis", phone: "+5511900000000", document: "11222333000181" });
    await customerSays(ch, c, "identificar");
    await waitForReplies(mock, c, 1, T);
    await customerTaps(ch, c, "no", "Não");
    expect((await waitForReplies(mock, c, 2, T))[1]).toBe("Por favor, envie seu CPF ou CNPJ (só os números).");
    await customerSays(ch, c, "11.222.333/0001-80");
    expect((await waitForReplies(mock, c, 3, T))[2]).toBe("Esse CPF ou CNPJ não é válido. Confira os dígitos e envie de novo.");
    await customerSays(ch, c, "11.222.333/0001-81");
    expect((await waitForReplies(mock, c, 4, T))[3]).toBe("Obrigado, Paulo Reis. Como podemos ajudar?");
  }, 240_000);

  it("not found at all: asks the name and registers the customer; a system that refuses hands over to a person", async () => {
    const c = newCustomer();
    await customerSays(ch, c, "identificar");
    expect(await waitForReplies(mock, c, 1, T)).toEqual(["Por favor, envie seu CPF ou CNPJ (só os números)."]);
    await customerSays(ch, c, "390.533.447-05");
    expect((await waitForReplies(mock, c, 2, T))[1]).toBe("Não encontramos seu cadastro. Para cadastrar, qual é o seu nome completo?");
    await customerSays(ch, c, "João Lima");
    const replies = await waitForReplies(mock, c, 4, T);
    expect(replies.slice(2)).toEqual(["Obrigado, João Lima: seu cadastro foi feito.", "Obrigado, João Lima. Como podemos ajudar?"]);
    const post = erp.requests.find((r) => r.method === "POST" && r.path === "/customers" && r.body.includes("João Lima"))!;
    expect(JSON.parse(post.body)).toEqual({ name: "João Lima", document: "39053344705", phone: expect.stringContaining(c) });

    erp.allowRegistration = false;
    const d = newCustomer();
    await customerSays(ch, d, "identificar");
    await waitForReplies(mock, d, 1, T);
    await customerSays(ch, d, "111.444.777-35");
    await waitForReplies(mock, d, 2, T);
    await customerSays(ch, d, "Ana Paz");
    expect((await waitForReplies(mock, d, 3, T))[2]).toBe("Não conseguimos identificar você automaticamente. Alguém da nossa equipe vai atender você aqui.");
    erp.allowRegistration = true;
  }, 240_000);
});

describe("gallery: second copy of a bill (en)", () => {
  it("identifies, lists the open bills, sends the chosen one's boleto line and PIX code", async () => {
    const c = newCustomer();
    erp.customers.push({ id: "c200", name: "Rita Alves", phone: `+${c}`, document: "39053344705" });
    erp.bills.c200 = [
      { id: "b1", title: "November 2026", amount: "R$ 99,90", boleto_line: "23790.50400 41990.100010 01000.123456 1 99990000009990", pix_code: "00020126580014BR.GOV.BCB.PIX0136nov" },
      { id: "b2", title: "December 2026", amount: "R$ 109,90", boleto_line: "23790.50400 41990.100010 02000.123456 2 99990000010990", pix_code: "00020126580014BR.GOV.BCB.PIX0136dec" },
    ];
    await customerSays(ch, c, "bill");
    expect(await waitForReplies(mock, c, 1, T)).toEqual(["[button] Are you Rita Alves?"]);
    await customerTaps(ch, c, "yes", "Yes");
    expect((await waitForReplies(mock, c, 2, T))[1]).toBe("[list] Which bill do you want a copy of?");
    const list = mock.messages.filter((m) => m.to.replace(/\D/g, "") === c).at(-1)!.body as { interactive: { action: { sections: { rows: { id: string; title: string; description?: string }[] }[] } } };
    expect(list.interactive.action.sections[0].rows).toEqual([
      { id: "item1", title: "November 2026", description: "R$ 99,90" },
      { id: "item2", title: "December 2026", description: "R$ 109,90" },
    ]);
    await customerPicks(c, "item2", "December 2026");
    expect((await waitForReplies(mock, c, 3, T))[2]).toBe(
      "December 2026 (R$ 109,90)\n\nBoleto line:\n23790.50400 41990.100010 02000.123456 2 99990000010990\n\nPIX copy-paste code:\n00020126580014BR.GOV.BCB.PIX0136dec",
    );
  }, 240_000);

  it("no open bills: says so", async () => {
    const c = newCustomer();
    erp.customers.push({ id: "c201", name: "Caio Melo", phone: `+${c}`, document: "11144477735" });
    await customerSays(ch, c, "bill");
    await waitForReplies(mock, c, 1, T);
    await customerTaps(ch, c, "yes", "Yes");
    expect((await waitForReplies(mock, c, 2, T))[1]).toBe("You have no open bills. Thank you!");
  }, 240_000);
});

describe("gallery: appointment reschedule (en)", () => {
  it("offers the free slots, books the chosen one through the connection and confirms", async () => {
    erp.slots = [
      { id: "s1", label: "Mon 8 Dec, 10:00" },
      { id: "s2", label: "Tue 9 Dec, 14:30" },
      { id: "s3", label: "Wed 10 Dec, 09:00" },
      { id: "s4", label: "Thu 11 Dec, 16:00" },
    ];
    const c = newCustomer();
    await customerSays(ch, c, "reschedule");
    expect(await waitForReplies(mock, c, 1, T)).toEqual(["[list] Which new time works for you?"]);
    await customerSays(ch, c, "2");
    expect((await waitForReplies(mock, c, 2, T))[1]).toBe("Done! Your appointment is now on Tue 9 Dec, 14:30. See you then.");
    expect(erp.rescheduled).toEqual([{ phone: expect.stringContaining(c), slot_id: "s2" }]);
  }, 240_000);
});

describe("gallery: opt-out confirmation (pt-BR)", () => {
  it("confirms, tags the contact and, with the opt-out keyword, the consent is recorded", async () => {
    const c = newCustomer();
    await customerSays(ch, c, "parar ofertas");
    expect(await waitForReplies(mock, c, 1, T)).toEqual(["[button] Você quer parar de receber ofertas e novidades? Boletos e avisos do serviço continuam chegando."]);
    await customerTaps(ch, c, "stop", "Sim, parar ofertas");
    expect((await waitForReplies(mock, c, 2, T))[1]).toBe("Entendido. Para confirmar, envie agora a palavra SAIR e não enviaremos mais ofertas.");
    const [contact] = await getDb().select().from(contacts).where(and(eq(contacts.organizationId, ch.organizationId), eq(contacts.waId, c)));
    // The tag is the flow's effect after the reply: the run may still be applying it when the reply reaches the mock.
    await waitFor(async () => {
      const tagged = await getDb().select({ name: tags.name }).from(contactTags).innerJoin(tags, eq(tags.id, contactTags.tagId)).where(eq(contactTags.contactId, contact.id));
      return tagged.length === 1 && tagged[0].name === "marketing-opt-out";
    }, "the contact tagged marketing-opt-out", T);
    await customerSays(ch, c, "SAIR");
    await waitFor(async () => {
      const [row] = await getDb().select({ optIn: contacts.optIn }).from(contacts).where(eq(contacts.id, contact.id));
      return row.optIn === "opted_out";
    }, "the opt-out recorded", T);
  }, 240_000);
});
