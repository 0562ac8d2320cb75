import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations, messages, templates } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { sendMessage } from "@/inngest/functions/send-message";
import { sendNotificationFn } from "@/inngest/functions/send-notification";
import { sendSms } from "@/inngest/functions/send-sms";
import { sendLateSmsFallback } from "@/inngest/functions/send-late-sms-fallback";
import { processWebhookEvent } from "@/inngest/functions/process-webhook-event";
import { POST as postNotification } from "@/app/api/v1/orgs/[orgSlug]/notifications/route";
import { GET as getNotificationRoute } from "@/app/api/v1/orgs/[orgSlug]/notifications/[notificationId]/route";
import { POST as postSms } from "@/app/api/v1/orgs/[orgSlug]/sms/route";
import { PUT as putSmsGateway, GET as getSmsGatewayRoute } from "@/app/api/v1/orgs/[orgSlug]/sms-gateway/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { loadOrgContext } from "@/lib/auth/org-context";
import { createChannel } from "@/lib/channels/create-channel";
import { setFlowRuntimeSettings } from "@/lib/flows/runtime/flow-runtime-settings";
import { signUp } from "@/lib/users/sign-up";
import { parseEnvelope } from "@/lib/whatsapp/parse-envelope";
import { routeChanges } from "@/lib/whatsapp/route-changes";
import { ingestChange } from "@/lib/whatsapp/ingest/ingest-change";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { runsOf, startHarness, waitFor, waitForRuns, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { startSmsGatewayMock, type SmsGatewayMock } from "@/tests/support/sms-gateway-mock";
import { postToChannel, statusWebhook, textWebhook, waitProcessed } from "../whatsapp/helpers";

const ACCESS_TOKEN = "EAAG-test-token-for-the-graph-mock-000";
const PHONE_NUMBER_ID = "118293746507001";
const WABA = "104857392018274";

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let gateway: SmsGatewayMock;
let slug: string;
let orgId: string;
let token: string;
let viewerToken: string;
let channelId: string;

beforeAll(async () => {
  mock = await startGraphMock({ accessToken: ACCESS_TOKEN });
  process.env.META_GRAPH_API_URL = mock.url;
  gateway = await startSmsGatewayMock();
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions: [sendMessage, sendNotificationFn, sendSms, processWebhookEvent, sendLateSmsFallback] });
  const { user, organization } = await signUp({ name: "A", email: "notify@example.test", password: "password123", organizationName: "Notify" });
  slug = organization.slug;
  orgId = organization.id;
  const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  mock.addPhoneNumber({ phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA, accessToken: ACCESS_TOKEN });
  channelId = (await createChannel(ctx, { provider: "cloud", name: "Main", displayPhoneNumber: "+5511955550123", phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA, accessToken: ACCESS_TOKEN, appSecret: "0123456789abcdef0123456789abcdef" })).id;
  token = (await createApiKey(ctx, { name: "billing system", role: "admin" })).token;
  viewerToken = (await createApiKey(ctx, { name: "viewer", role: "viewer" })).token;
  // Meta's world, as template sync mirrors it: one utility and one marketing template, approved, and a paused one.
  const body = (text: string) => [{ type: "BODY", text }];
  await getDb()
    .insert(templates)
    .values([
      { organizationId: orgId, wabaId: WABA, name: "boleto_aviso", language: "pt_BR", category: "UTILITY", status: "APPROVED", components: body("Olá {{1}}, seu boleto de {{2}} vence amanhã.") },
      { organizationId: orgId, wabaId: WABA, name: "promo_mes", language: "pt_BR", category: "MARKETING", status: "APPROVED", components: body("Oferta do mês, {{1}}!") },
      { organizationId: orgId, wabaId: WABA, name: "aviso_pausado", language: "pt_BR", category: "UTILITY", status: "PAUSED", components: body("Aviso para {{1}}") },
    ]);
  // The SMS gateway is a local mock, so this organization allows private addresses (the flows' guard applies otherwise).
  await setFlowRuntimeSettings(orgId, { allowPrivateHttp: true, ai: null });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await gateway?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});
beforeEach(() => mock.reset());

const params = <T>(p: T) => ({ params: Promise.resolve(p) });
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function notify(body: unknown, opts: { key?: string; token?: string } = {}): Promise<{ status: number; body: Json; replayed: boolean }> {
  const headers: Record<string, string> = { authorization: `Bearer ${opts.token ?? token}`, "content-type": "application/json" };
  if (opts.key) headers["idempotency-key"] = opts.key;
  const res = await postNotification(new Request(`http://localhost/api/v1/orgs/${slug}/notifications`, { method: "POST", headers, body: JSON.stringify(body) }), params({ orgSlug: slug }));
  return { status: res.status, body: await res.json(), replayed: res.headers.get("idempotent-replayed") === "true" };
}

async function readNotification(id: string): Promise<Json> {
  const res = await getNotificationRoute(new Request(`http://localhost/x`, { headers: { authorization: `Bearer ${token}` } }), params({ orgSlug: slug, notificationId: id }));
  expect(res.status).toBe(200);
  return (await res.json()).notification;
}

/** A customer's message through the real ingest: it opens the 24-hour window. */
async function customerWrites(from: string) {
  const ts = Math.floor(Date.now() / 1000);
  await ingest(textWebhook(PHONE_NUMBER_ID, { id: `wamid.in${from}${ts}`, from, ts, body: "Oi" }));
}

async function ingest(body: string) {
  const parsed = parseEnvelope(new TextEncoder().encode(body));
  if (!parsed.ok) throw new Error(parsed.error);
  for (const route of await routeChanges(getDb(), parsed.envelope)) if (route.organizationId) await ingestChange(getDb(), parsed.envelope, { ...route, organizationId: route.organizationId });
}

const sentTo = (digits: string) => mock.messages.filter((m) => m.to.replace(/\D/g, "") === digits);
const template = (name: string, parameters: string[]) => ({ name, language: "pt_BR", parameters });

describe("POST /notifications", () => {
  it("outside the window: a text is refused with a clear 409, a template goes and shows in the inbox", async () => {
    const refused = await notify({ to: "+55 11 98765-1001", text: "Seu boleto vence amanhã" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/template/);
    expect(refused.body.error.issues).toEqual([{ path: "window", message: "outside_window" }]);

    const sent = await notify({ to: "+55 11 98765-1001", template: template("boleto_aviso", ["Ana", "R$ 99,90"]) });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    const id = sent.body.notification.id;
    await waitFor(() => sentTo("5511987651001").length === 1, "the template at Meta");
    expect(sentTo("5511987651001")[0].body).toMatchObject({ type: "template", template: { name: "boleto_aviso", components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "R$ 99,90" }] }] } });
    const accepted = await waitFor(async () => {
      const v = await readNotification(id);
      return v.waMessageId ? v : null;
    }, "Meta's message id");
    // Meta's statuses arrive by webhook; the API reads them back.
    await ingest(statusWebhook(PHONE_NUMBER_ID, [{ id: accepted.waMessageId, status: "delivered", timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: "5511987651001" }]));
    const view = await readNotification(id);
    expect(view).toMatchObject({ status: "delivered", deliveryPath: "whatsapp", deliveredAt: expect.any(String) });
    // In the inbox like any other message: the contact's conversation holds it, and its preview moved.
    const [conv] = await getDb().select().from(conversations).where(and(eq(conversations.organizationId, orgId), eq(conversations.id, view.conversationId)));
    expect(conv.lastMessageDirection).toBe("outbound");
    const [contact] = await getDb().select().from(contacts).where(eq(contacts.id, view.contactId));
    expect(contact.phoneE164).toBe("+5511987651001");
  });

  it("inside the window a text goes free-form; the contact is the one the customer's message created", async () => {
    await customerWrites("5511987651002");
    const sent = await notify({ to: "5511987651002", text: "Seu técnico chega às 14h" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    await waitFor(() => sentTo("5511987651002").length === 1, "the text at Meta");
    expect(sentTo("5511987651002")[0].body).toMatchObject({ type: "text", text: { body: "Seu técnico chega às 14h" } });
    const all = await getDb().select().from(contacts).where(and(eq(contacts.organizationId, orgId), eq(contacts.phoneE164, "+5511987651002")));
    expect(all).toHaveLength(1);
  });

  it("Idempotency-Key: the same key twice (and twice at once) answers the same and sends once; another body is a 422 idempotency_key_reused", async () => {
    const body = { to: "+5511987651003", template: template("boleto_aviso", ["Bia", "R$ 10,00"]) };
    const first = await notify(body, { key: "invoice-2026-12-0001" });
    const again = await notify(body, { key: "invoice-2026-12-0001" });
    expect(first.status).toBe(202);
    expect(again).toMatchObject({ status: 202, replayed: true });
    expect(again.body).toEqual(first.body);
    const [a, b] = await Promise.all([notify(body, { key: "invoice-2026-12-0002" }), notify(body, { key: "invoice-2026-12-0002" })]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.notification.id).toBe(b.body.notification.id);
    expect(a.body.notification.id).not.toBe(first.body.notification.id);
    await waitFor(() => sentTo("5511987651003").length === 2, "two sends");
    await new Promise((r) => setTimeout(r, 500));
    expect(sentTo("5511987651003")).toHaveLength(2);
    const other = await notify({ ...body, template: template("boleto_aviso", ["Bia", "R$ 20,00"]) }, { key: "invoice-2026-12-0001" });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe("idempotency_key_reused");
    expect(other.body.error.issues[0]).toEqual({ path: "Idempotency-Key", message: "reused" });
  });

  it("a contact who opted out gets no marketing (409, nothing sent) but still gets a utility notice", async () => {
    const first = await notify({ to: "+5511987651004", template: template("boleto_aviso", ["Caio", "R$ 1,00"]) });
    await getDb().update(contacts).set({ optIn: "opted_out" }).where(eq(contacts.id, first.body.notification.contactId));
    await waitFor(() => sentTo("5511987651004").length === 1, "the utility notice");
    const promo = await notify({ to: "+5511987651004", template: template("promo_mes", ["Caio"]) });
    expect(promo.status).toBe(409);
    expect(promo.body.error.issues).toEqual([{ path: "to", message: "contact_opted_out" }]);
    const utility = await notify({ to: "+5511987651004", template: template("boleto_aviso", ["Caio", "R$ 2,00"]) });
    expect(utility.status).toBe(202);
    await waitFor(() => sentTo("5511987651004").length === 2, "the second utility notice");
    expect(sentTo("5511987651004").map((m) => (m.body as Json).template.name)).toEqual(["boleto_aviso", "boleto_aviso"]);
  });

  it("a viewer's API key may not send; bad input is a 422 and nothing is stored", async () => {
    expect((await notify({ to: "+5511987651005", text: "x" }, { token: viewerToken })).status).toBe(403);
    const before = await getDb().select({ id: messages.id }).from(messages).where(eq(messages.organizationId, orgId));
    const bad = await notify({ to: "+5511987651005", text: "x", template: template("boleto_aviso", []) });
    expect(bad.status).toBe(422);
    const notAPhone = await notify({ to: "12", template: template("boleto_aviso", ["a", "b"]) });
    expect(notAPhone.status).toBe(422);
    expect((await getDb().select({ id: messages.id }).from(messages).where(eq(messages.organizationId, orgId))).length).toBe(before.length);
  });
});

describe("SMS fallback", () => {
  const put = async (body: unknown) =>
    putSmsGateway(new Request("http://localhost/x", { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }), params({ orgSlug: slug }));

  beforeAll(async () => {
    const res = await put({
      method: "POST",
      urlTemplate: `${gateway.url}/v1/send?to={to}`,
      headers: { "content-type": "application/json", authorization: "Bearer {secret}" },
      bodyTemplate: '{"to":"{to}","text":"{message}","ref":"{id}"}',
      secret: "sms-gateway-secret-123",
    });
    expect(res.status).toBe(200);
    const read = await (await getSmsGatewayRoute(new Request("http://localhost/x", { headers: { authorization: `Bearer ${token}` } }), params({ orgSlug: slug }))).json();
    expect(read.gateway).toMatchObject({ secretSet: true });
    expect(JSON.stringify(read)).not.toContain("sms-gateway-secret-123");
  });

  it("131026 from Meta (not on WhatsApp): the SMS goes through the gateway and the notification records the path", async () => {
    mock.fail({ metaError: 131026 });
    const sent = await notify({ to: "+5511987651006", template: template("boleto_aviso", ["Davi", "R$ 5,00"]), fallback: "sms" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    await waitFor(() => gateway.requests.length === 1, "the SMS at the gateway");
    const req = gateway.requests[0];
    expect(req.path).toBe("/v1/send?to=%2B5511987651006");
    expect(req.headers.authorization).toBe("Bearer sms-gateway-secret-123");
    expect(JSON.parse(req.body)).toMatchObject({ to: "+5511987651006", text: "Olá Davi, seu boleto de R$ 5,00 vence amanhã." });
    const view = await waitFor(async () => {
      const v = await readNotification(sent.body.notification.id);
      return v.sms?.status === "sent" ? v : null;
    }, "the SMS recorded as sent");
    expect(view).toMatchObject({ status: "failed", deliveryPath: "sms", error: { code: 131026 } });
    const [smsRow] = await getDb().select().from(messages).where(eq(messages.id, view.sms.messageId));
    expect(smsRow).toMatchObject({ deliveryPath: "sms", conversationId: view.conversationId, status: "sent" });
  });

  it("a late 131026 (Meta accepted the send, the status webhook reports it failed): one SMS, and the notification records the path", async () => {
    const before = gateway.requests.length;
    const sent = await notify({ to: "+5511987651009", template: template("boleto_aviso", ["Fábio", "R$ 7,00"]), fallback: "sms" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    const accepted = await waitFor(async () => {
      const v = await readNotification(sent.body.notification.id);
      return v.waMessageId ? v : null;
    }, "Meta's message id");
    expect(accepted).toMatchObject({ deliveryPath: "whatsapp" });
    expect(gateway.requests.length).toBe(before);
    // Through the signed webhook route, twice (Meta redelivers, and may repeat a failure): one SMS all the same.
    const failed = (ts: number) =>
      statusWebhook(PHONE_NUMBER_ID, [{ id: accepted.waMessageId, status: "failed", timestamp: String(ts), recipient_id: "5511987651009", errors: [{ code: 131026, title: "Message undeliverable" }] }]);
    const now = Math.floor(Date.now() / 1000);
    expect((await postToChannel(channelId, failed(now))).status).toBe(200);
    expect((await postToChannel(channelId, failed(now + 1))).status).toBe(200);
    await waitFor(() => gateway.requests.length === before + 1, "the late SMS at the gateway");
    expect(JSON.parse(gateway.requests[before].body)).toMatchObject({ to: "+5511987651009", text: "Olá Fábio, seu boleto de R$ 7,00 vence amanhã." });
    const view = await waitFor(async () => {
      const v = await readNotification(sent.body.notification.id);
      return v.sms?.status === "sent" ? v : null;
    }, "the late SMS recorded as sent");
    expect(view).toMatchObject({ status: "failed", deliveryPath: "sms", error: { code: 131026 } });
    await waitProcessed([orgId]);
    // Both failures name the same wamid: one event id, so one run of the fallback.
    await waitForRuns("papo-send-late-sms-fallback", 1);
    expect(await runsOf("papo-send-late-sms-fallback")).toHaveLength(1);
    expect(gateway.requests.length).toBe(before + 1);
    const smsRows = await getDb().select().from(messages).where(and(eq(messages.organizationId, orgId), eq(messages.idempotencyKey, `sms-fallback:${sent.body.notification.id}`)));
    expect(smsRows).toHaveLength(1);
  });

  it("a late 131026 for a notification without fallback: no SMS", async () => {
    const before = gateway.requests.length;
    const sent = await notify({ to: "+5511987651010", template: template("boleto_aviso", ["Gil", "R$ 8,00"]) });
    const accepted = await waitFor(async () => {
      const v = await readNotification(sent.body.notification.id);
      return v.waMessageId ? v : null;
    }, "Meta's message id");
    const body = statusWebhook(PHONE_NUMBER_ID, [{ id: accepted.waMessageId, status: "failed", timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: "5511987651010", errors: [{ code: 131026, title: "Message undeliverable" }] }]);
    expect((await postToChannel(channelId, body)).status).toBe(200);
    await waitFor(async () => (await readNotification(sent.body.notification.id)).status === "failed", "the failure applied");
    await waitProcessed([orgId]);
    expect(gateway.requests.length).toBe(before);
    expect((await readNotification(sent.body.notification.id)).deliveryPath).toBe("whatsapp");
  });

  it("a paused template goes by SMS at once; without fallback it would be refused", async () => {
    const before = gateway.requests.length;
    const sent = await notify({ to: "+5511987651007", template: template("aviso_pausado", ["Eva"]), fallback: "sms", smsText: "Aviso: sua fatura está disponível" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect(sent.body.notification.deliveryPath).toBe("sms");
    await waitFor(() => gateway.requests.length === before + 1, "the SMS");
    expect(JSON.parse(gateway.requests[before].body).text).toBe("Aviso: sua fatura está disponível");
    expect(sentTo("5511987651007")).toHaveLength(0);
    const refused = await notify({ to: "+5511987651007", template: template("aviso_pausado", ["Eva"]) });
    expect(refused.status).toBe(422);
  });

  it("POST /sms sends one directly, idempotently", async () => {
    const before = gateway.requests.length;
    const call = () =>
      postSms(
        new Request("http://localhost/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": "sms-1" }, body: JSON.stringify({ to: "+5511987651008", message: "Código: 123456" }) }),
        params({ orgSlug: slug }),
      );
    const a = await call();
    const b = await call();
    expect(a.status).toBe(202);
    expect((await b.json()).notification.id).toBe((await a.json()).notification.id);
    await waitFor(() => gateway.requests.length === before + 1, "the SMS");
    await new Promise((r) => setTimeout(r, 300));
    expect(gateway.requests.length).toBe(before + 1);
    expect(JSON.parse(gateway.requests[before].body).text).toBe("Código: 123456");
  });
});
