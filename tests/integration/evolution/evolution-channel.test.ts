import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, channels, contacts, realtimeEvents, webhookEvents } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { query } from "@/inngest/executor/db";
import { AppError } from "@/lib/errors";
import { toChannelView } from "@/lib/channels/channel-view";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { EVOLUTION_EVENTS } from "@/lib/evolution/evolution-client";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startEvolutionMock, type EvolutionMock } from "@/tests/support/evolution-mock";
import { createPublishedFlow } from "@/tests/integration/flows/flow-helpers";
import { channelRow, connectEvolution, conversationMessages, deliverToRoute, newPhone, orgWithMember, ORIGIN } from "./evolution-helpers";

let db: TestDatabase;
let h: Harness;
let mock: EvolutionMock;

beforeAll(async () => {
  mock = await startEvolutionMock({ deliver: deliverToRoute });
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
}, 180_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
});

/** The papo/channel.connection-changed events stored for a channel, oldest first. */
const connectionEvents = async (channelId: string) =>
  (
    await query<{ data: Record<string, unknown> }>(
      getDb(),
      sql`select data from inngest_events where name = 'papo/channel.connection-changed' and data->>'channelId' = ${channelId} order by received_at, ts`,
    )
  ).map((r) => r.data);

const pushes = async (organizationId: string) =>
  (await getDb().select().from(realtimeEvents).where(and(eq(realtimeEvents.organizationId, organizationId), eq(realtimeEvents.type, "channel.updated")))).map(
    (e) => e.payload as { channel: { connectionState: string; qrCode: string | null }; alert?: string },
  );

describe("connecting an Evolution number", () => {
  it("creates the instance, registers its webhook with a secret header, shows the QR, and opens on CONNECTION_UPDATE", async () => {
    const { ctx, organization } = await orgWithMember("evo-connect");
    const { channel, instanceName } = await connectEvolution(ctx, mock);
    const instance = mock.instances.get(instanceName)!;
    expect(mock.calls.some((c) => c.method === "POST" && c.path === "/instance/create")).toBe(true);
    expect(instance.webhook).toMatchObject({ enabled: true, url: `${ORIGIN}/api/webhooks/evolution/${channel.id}`, byEvents: false });
    expect([...instance.webhook!.events].sort()).toEqual([...EVOLUTION_EVENTS].sort());
    // The secret travels as a header and is stored encrypted; the API key too.
    const secret = instance.webhook!.headers["x-papo-webhook-secret"];
    expect(secret).toHaveLength(32);
    expect(channel.appSecretEncrypted).not.toContain(secret);
    expect(decryptSecret(channel.appSecretEncrypted!)).toBe(secret);
    expect(decryptSecret(channel.accessTokenEncrypted!)).toBe(mock.apiKey);
    expect(channel).toMatchObject({ provider: "evolution", connectionState: "connecting", evolutionInstance: instanceName, evolutionBaseUrl: mock.url });
    expect(channel.qrCode).toMatch(/^data:image\/png;base64,/);
    // Whoever scans the QR links their phone as this number: only those who manage channels see it.
    expect(toChannelView(channel, { includeVerifyToken: true, origin: ORIGIN }).evolution).toMatchObject({ qrCode: channel.qrCode, connectionState: "connecting", instanceName });
    expect(toChannelView(channel, { includeVerifyToken: false, origin: ORIGIN }).evolution?.qrCode).toBeNull();
    expect(toChannelView(channel, { includeVerifyToken: true, origin: ORIGIN }).capabilities).toMatchObject({ templates: false, window: false, official: false });

    // A new QR code replaces the old one, live.
    const first = channel.qrCode;
    expect((await mock.refreshQr(instanceName))!.status).toBe(200);
    const refreshed = await channelRow(channel.id);
    expect(refreshed.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(refreshed.qrCodeAt!.getTime()).toBeGreaterThanOrEqual(channel.qrCodeAt!.getTime());
    expect(first).toBeTruthy();

    // The phone scans it: open, QR gone, the linked number known, pushed to the organization.
    expect((await mock.link(instanceName, { phone: "+55 11 95555-0199" }))!.status).toBe(200);
    const open = await channelRow(channel.id);
    expect(open).toMatchObject({ connectionState: "open", qrCode: null, displayPhoneNumber: "+5511955550199" });
    const seen = await pushes(organization.id);
    expect(seen.map((p) => p.channel.connectionState)).toEqual(["connecting", "open"]);
    // Stored raw like every webhook.
    const rows = await getDb().select().from(webhookEvents).where(eq(webhookEvents.channelId, channel.id));
    expect(rows.map((r) => [r.provider, r.status])).toEqual([
      ["evolution", "processed"],
      ["evolution", "processed"],
    ]);
  });

  it("adopts an instance that already exists (its session kept) and refuses a bad key, an unknown server and a second claim", async () => {
    const { ctx } = await orgWithMember("evo-adopt");
    mock.addInstance("ja-existe", { state: "open", ownerJid: "5511955550777@s.whatsapp.net" });
    mock.reset();
    const { channel } = await connectEvolution(ctx, mock, "ja-existe");
    expect(mock.calls.some((c) => c.path === "/instance/create")).toBe(false);
    expect(channel).toMatchObject({ connectionState: "open", qrCode: null, displayPhoneNumber: "+5511955550777" });

    const count = async () => (await getDb().select().from(channels).where(eq(channels.organizationId, ctx.org.id))).length;
    const before = await count();
    const badKey = await connectEvolution(ctx, { ...mock, apiKey: "wrong-key-123" }, "another").catch((e) => e);
    expect(badKey).toBeInstanceOf(AppError);
    expect(badKey).toMatchObject({ code: "invalid_input", issues: [{ path: "apiKey" }] });
    const down = await connectEvolution(ctx, { ...mock, url: "http://127.0.0.1:9" }, "another").catch((e) => e);
    expect(down).toMatchObject({ code: "upstream_unavailable" });
    const again = await connectEvolution(ctx, mock, "ja-existe").catch((e) => e);
    expect(again).toMatchObject({ code: "conflict" });
    expect(await count()).toBe(before);
  });

  it("refuses webhooks without the channel's secret (nothing stored) and a body that is not Evolution's (stored rejected)", async () => {
    const { ctx } = await orgWithMember("evo-secret");
    const { channel, instanceName } = await connectEvolution(ctx, mock);
    const url = `${ORIGIN}/api/webhooks/evolution/${channel.id}`;
    const body = JSON.stringify({ event: "connection.update", instance: instanceName, data: { state: "open" } });
    expect(await deliverToRoute(url, {}, body)).toBe(401);
    expect(await deliverToRoute(url, { "x-papo-webhook-secret": "guess" }, body)).toBe(401);
    const secret = decryptSecret(channel.appSecretEncrypted!);
    expect(await deliverToRoute(url, { "x-papo-webhook-secret": secret }, JSON.stringify({ hello: 1 }))).toBe(400);
    expect(await deliverToRoute(url, { "x-papo-webhook-secret": secret }, JSON.stringify({ event: "connection.update", instance: "someone-else", data: { state: "open" } }))).toBe(400);
    expect(await deliverToRoute(`${ORIGIN}/api/webhooks/evolution/00000000-0000-4000-8000-000000000000`, { "x-papo-webhook-secret": secret }, body)).toBe(404);
    const rows = await getDb().select().from(webhookEvents).where(eq(webhookEvents.channelId, channel.id));
    expect(rows.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect((await channelRow(channel.id)).connectionState).toBe("connecting");
  });

  it("alerts once when an open connection drops and once when it comes back: live, in the audit log, and as papo/channel.connection-changed", async () => {
    const { ctx, organization } = await orgWithMember("evo-drop");
    const { channel, instanceName } = await connectEvolution(ctx, mock);
    await mock.link(instanceName);
    // The first link is no "restored".
    expect(await connectionEvents(channel.id)).toEqual([]);
    await mock.drop(instanceName, 428);
    await mock.drop(instanceName, 428);
    expect((await channelRow(channel.id)).connectionState).toBe("close");
    const alerts = await getDb().select().from(auditLog).where(and(eq(auditLog.organizationId, organization.id), eq(auditLog.action, "channel.connection_lost")));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ targetId: channel.id, actorUserId: null });
    expect((await pushes(organization.id)).filter((p) => p.alert === "connection_lost")).toHaveLength(1);
    expect(await connectionEvents(channel.id)).toEqual([{ organizationId: organization.id, channelId: channel.id, channelName: "Avisos", change: "dropped", at: expect.any(String) }]);

    // The phone comes back (twice reported): restored once.
    await mock.link(instanceName);
    await mock.link(instanceName);
    expect((await pushes(organization.id)).filter((p) => p.alert === "connection_restored")).toHaveLength(1);
    const restored = await getDb().select().from(auditLog).where(and(eq(auditLog.organizationId, organization.id), eq(auditLog.action, "channel.connection_restored")));
    expect(restored).toHaveLength(1);
    expect((await connectionEvents(channel.id)).map((e) => e.change)).toEqual(["dropped", "restored"]);
  });
});

describe("messages through an Evolution number", () => {
  const buttonsFlow = {
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: { triggers: [{ kind: "keyword", match: "exact", keywords: ["entrega"], caseSensitive: false }] } },
      {
        id: "ask",
        type: "buttons",
        position: { x: 0, y: 100 },
        data: { body: "Podemos entregar amanhã?", header: "", footer: "", buttons: [{ id: "confirm", title: "Confirmar" }, { id: "later", title: "Outro dia" }], variable: "", retryMessage: "Responda 1 ou 2.", maxRetries: 1 },
      },
      { id: "ok", type: "send_message", position: { x: 0, y: 200 }, data: { text: "Combinado, até amanhã!", media: null } },
      { id: "other", type: "send_message", position: { x: 200, y: 200 }, data: { text: "Sem problema, escolha outro dia.", media: null } },
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: "next", target: "ask" },
      { id: "e2", source: "ask", sourceHandle: "confirm", target: "ok" },
      { id: "e3", source: "ask", sourceHandle: "later", target: "other" },
    ],
  };

  it("a customer's text starts the flow, buttons go as numbered text, '2' and 'sim' answer like a tap; statuses move forward", async () => {
    const { ctx, organization } = await orgWithMember("evo-flow");
    const { channel, instanceName } = await connectEvolution(ctx, mock);
    await mock.link(instanceName);
    await createPublishedFlow(organization.id, buttonsFlow, { name: "Entrega" });
    const sentTo = (phone: string) => mock.sent.filter((s) => s.instance === instanceName && s.body.number === phone);

    const maria = newPhone();
    const first = await mock.customerSends(instanceName, { from: maria, pushName: "Maria", text: "Entrega" });
    expect(first.delivery!.status).toBe(200);
    await waitFor(() => sentTo(maria).length >= 1, "numbered buttons sent", 30_000);
    expect(sentTo(maria)[0]).toMatchObject({ endpoint: "sendText", body: { number: maria, text: "Podemos entregar amanhã?\n\n1. Confirmar\n2. Outro dia" } });
    // The same gateway message delivered twice is one message (idempotent on the gateway id).
    await mock.customerSends(instanceName, { from: maria, pushName: "Maria", text: "Entrega", id: first.id });
    await mock.customerSends(instanceName, { from: maria, pushName: "Maria", text: "2" });
    await waitFor(() => sentTo(maria).length >= 2, "answer to '2'", 30_000);
    expect(sentTo(maria).map((s) => s.body.text)).toEqual(["Podemos entregar amanhã?\n\n1. Confirmar\n2. Outro dia", "Sem problema, escolha outro dia."]);

    const joao = newPhone();
    await mock.customerSends(instanceName, { from: joao, pushName: "João", text: "entrega", extended: true });
    await waitFor(() => sentTo(joao).length >= 1, "buttons to João", 30_000);
    await mock.customerSends(instanceName, { from: joao, pushName: "João", text: "Sim" });
    await waitFor(() => sentTo(joao).length >= 2, "answer to 'Sim'", 30_000);
    expect(sentTo(joao)[1].body.text).toBe("Combinado, até amanhã!");

    // Same contacts and conversations as any number: the customer by phone, the bot's replies with the gateway ids.
    const [contact] = await getDb().select().from(contacts).where(and(eq(contacts.organizationId, organization.id), eq(contacts.waId, maria)));
    expect(contact).toMatchObject({ channelId: channel.id, phoneE164: `+${maria}`, profileName: "Maria" });
    const timeline = await conversationMessages(organization.id, maria);
    // The row keeps the neutral message (buttons): the inbox shows buttons whatever the number drew.
    // (Inbound rows carry WhatsApp's whole-second timestamp, so the two directions are compared apart.)
    const of = (d: string) => timeline.filter((m) => m.direction === d).map((m) => [m.type, m.text]);
    expect(of("inbound").sort()).toEqual([
      ["text", "2"],
      ["text", "Entrega"],
    ]);
    expect(of("outbound")).toEqual([
      ["buttons", "Podemos entregar amanhã?"],
      ["text", "Sem problema, escolha outro dia."],
    ]);
    const replyStatus = async () => (await conversationMessages(organization.id, maria)).find((m) => m.text === "Sem problema, escolha outro dia.")!.status;
    const reply = timeline.find((m) => m.text === "Sem problema, escolha outro dia.")!;
    expect(reply.waMessageId).toBe(sentTo(maria)[1].id);
    // send.message (the server took it) → sent; then the phone's acks.
    await waitFor(async () => (await replyStatus()) === "sent", "sent", 20_000);
    await mock.ack(instanceName, reply.waMessageId!, "DELIVERY_ACK");
    await waitFor(async () => (await replyStatus()) === "delivered", "delivered", 20_000);
    await mock.ack(instanceName, reply.waMessageId!, "READ");
    await waitFor(async () => (await replyStatus()) === "read", "read", 20_000);
    // A late server ack never moves it back.
    await mock.ack(instanceName, reply.waMessageId!, "SERVER_ACK");
    await new Promise((r) => setTimeout(r, 500));
    expect(await replyStatus()).toBe("read");
  }, 120_000);

  it("ignores group messages unless the number allows them, and the linked phone's own messages", async () => {
    const { ctx, organization } = await orgWithMember("evo-groups");
    const { channel, instanceName } = await connectEvolution(ctx, mock);
    await mock.link(instanceName);
    const ana = newPhone();
    expect((await mock.customerSends(instanceName, { from: ana, group: "120363041967849074", text: "oi grupo" })).delivery!.status).toBe(200);
    const rows = await getDb().select().from(webhookEvents).where(and(eq(webhookEvents.channelId, channel.id), eq(webhookEvents.status, "processed")));
    expect(rows.some((r) => r.error?.startsWith("Group message: ignored"))).toBe(true);
    expect(await getDb().select().from(contacts).where(eq(contacts.organizationId, organization.id))).toHaveLength(0);

    const groups = await connectEvolution(ctx, mock, undefined, { allowGroups: true });
    await mock.link(groups.instanceName);
    await mock.customerSends(groups.instanceName, { from: ana, group: "120363041967849074", text: "oi grupo" });
    await waitFor(async () => (await conversationMessages(organization.id, ana)).length === 1, "group message stored", 20_000);
  }, 60_000);
});
