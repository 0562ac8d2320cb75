import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, conversations, messages } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { POST as postNotification } from "@/app/api/v1/orgs/[orgSlug]/notifications/route";
import { POST as postBatch } from "@/app/api/v1/orgs/[orgSlug]/notifications/batch/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { updateChannelInput } from "@/lib/channels/channel-input";
import { setChannelRouting } from "@/lib/channels/set-channel-routing";
import { updateChannel } from "@/lib/channels/update-channel";
import { reserveProactiveSlot } from "@/lib/evolution/proactive-pacing";
import { resetEnvForTests } from "@/lib/env";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startEvolutionMock, type EvolutionMock } from "@/tests/support/evolution-mock";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { createOrgWithChannel, postToChannel, textWebhook, waitProcessed } from "../whatsapp/helpers";
import { connectEvolution, deliverToRoute, newPhone } from "./evolution-helpers";

let db: TestDatabase;
let h: Harness;
let evo: EvolutionMock;
let graph: GraphMock;

beforeAll(async () => {
  graph = await startGraphMock();
  process.env.META_GRAPH_API_URL = graph.url;
  resetEnvForTests();
  evo = await startEvolutionMock({ deliver: deliverToRoute });
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
}, 180_000);
afterAll(async () => {
  await h?.close();
  await evo?.close();
  await graph?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
  resetEnvForTests();
});

/** An organization whose official (Cloud API) number receives and whose Evolution number sends the notices. */
async function officialAndNotices(label: string) {
  const cloud = await createOrgWithChannel(label);
  const { channel: notices, instanceName } = await connectEvolution(cloud.ctx, evo);
  await evo.link(instanceName);
  await setChannelRouting(cloud.ctx, { proactiveChannelId: notices.id });
  const { token } = await createApiKey(cloud.ctx, { name: "billing", role: "admin" });
  return { cloud, notices, instanceName, token, slug: cloud.ctx.org.slug };
}

const call = (handler: typeof postNotification, slug: string, token: string, body: unknown) =>
  handler(new Request("http://localhost/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }), {
    params: Promise.resolve({ orgSlug: slug }),
  });

describe("proactive messages go through the routing rule's number", () => {
  it("a notification leaves by the Evolution number while the customer's Cloud conversation is answered on the Cloud number", async () => {
    const { cloud, notices, instanceName, token, slug } = await officialAndNotices("route-notice");
    const phone = newPhone();
    // The customer wrote to the official number first.
    const inbound = await postToChannel(cloud.channelId, textWebhook(cloud.phoneNumberId, { id: `wamid.${phone}`, from: phone, ts: Math.floor(Date.now() / 1000), body: "Oi, quero meu boleto" }));
    expect(inbound.status).toBe(200);
    await waitProcessed([cloud.organizationId]);

    // The business's system sends a notice naming no number: it goes through the proactive (Evolution) number,
    // as free text (no 24-hour window there).
    const res = await call(postNotification, slug, token, { to: `+${phone}`, text: "Seu boleto vence amanhã." });
    expect(res.status).toBe(202);
    await waitFor(() => evo.sent.some((s) => s.instance === instanceName && s.body.number === phone), "notice through Evolution", 30_000);
    expect(evo.sent.find((s) => s.body.number === phone)).toMatchObject({ endpoint: "sendText", body: { text: "Seu boleto vence amanhã." } });
    const [notice] = await getDb().select().from(messages).where(and(eq(messages.organizationId, cloud.organizationId), eq(messages.channelId, notices.id)));
    expect(notice).toMatchObject({ direction: "outbound", sender: "user" });
    expect(graph.messages.filter((m) => m.to.replace(/\D/g, "") === phone)).toHaveLength(0);

    // An answer in the customer's conversation on the official number stays on the official number.
    const [conversation] = await getDb()
      .select()
      .from(conversations)
      .where(and(eq(conversations.organizationId, cloud.organizationId), eq(conversations.channelId, cloud.channelId)));
    await queueOutboundMessage({ organizationId: cloud.organizationId, conversationId: conversation.id, message: { type: "text", body: "Claro, segue o boleto." }, sender: "user" });
    await waitFor(() => graph.messages.some((m) => m.to.replace(/\D/g, "") === phone), "reply through the Cloud API", 30_000);
    expect(graph.messageCalls().some((c) => c.path.includes(cloud.phoneNumberId))).toBe(true);
    expect(evo.sent.filter((s) => s.body.number === phone)).toHaveLength(1);

    // With no rule, a notice goes through the first active number: the official one.
    await setChannelRouting(cloud.ctx, { proactiveChannelId: null });
    const noRule = await call(postNotification, slug, token, { to: `+${phone}`, text: "Outro aviso" });
    expect(noRule.status).toBe(202);
    const { notification } = await noRule.json();
    const [row] = await getDb().select().from(messages).where(eq(messages.id, notification.id));
    expect(row.channelId).toBe(cloud.channelId);
  }, 120_000);
});

describe("proactive pacing on an Evolution number", () => {
  it("a batch's notices leave one slot apart (the gap from the channel), durably asleep in between", async () => {
    const { cloud, notices, instanceName, token, slug } = await officialAndNotices("route-pacing");
    await getDb().update(channels).set({ proactiveGapMinSeconds: 5, proactiveGapMaxSeconds: 5 }).where(eq(channels.id, notices.id));
    const phones = [newPhone(), newPhone(), newPhone()];
    const start = h.clock.now();
    const res = await call(postBatch, slug, token, { items: phones.map((p, i) => ({ to: `+${p}`, text: `Aviso ${i + 1}` })) });
    expect(res.status).toBe(202);
    const sent = () => evo.sent.filter((s) => s.instance === instanceName);
    // All three took their slot (the next free one is three gaps on); only the first was due.
    await waitFor(async () => (await channelOf(notices.id)).proactiveNextAt?.getTime() === start + 15_000, "three slots taken", 30_000);
    await waitFor(() => sent().length === 1, "first notice", 30_000);
    expect(sent()).toHaveLength(1);
    h.clock.advance(5_000);
    await waitFor(() => sent().length === 2, "second notice after one gap", 30_000);
    expect(sent()).toHaveLength(2);
    h.clock.advance(5_000);
    await waitFor(() => sent().length === 3, "third notice after two gaps", 30_000);
    expect(sent().map((s) => s.body.text).sort()).toEqual(["Aviso 1", "Aviso 2", "Aviso 3"]);
    // Replies in a conversation are never paced, and a Cloud number is not paced at all.
    expect(await reserveProactiveSlot(cloud.organizationId, cloud.channelId, new Date())).toBeNull();
  }, 120_000);

  it("spaces slots by a random gap within the channel's bounds, and takes another organization's channel as none", async () => {
    const { cloud, notices } = await officialAndNotices("route-gaps");
    const t0 = new Date("2030-01-01T00:00:00Z");
    const a = await reserveProactiveSlot(cloud.organizationId, notices.id, t0, () => 0);
    const b = await reserveProactiveSlot(cloud.organizationId, notices.id, t0, () => 1);
    const c = await reserveProactiveSlot(cloud.organizationId, notices.id, t0, () => 0.5);
    expect([a, b, c].map((d) => d!.getTime() - t0.getTime())).toEqual([0, 3_000, 11_000]);
    // Later than the queue's end: the slot is now.
    const late = new Date(t0.getTime() + 60_000);
    expect((await reserveProactiveSlot(cloud.organizationId, notices.id, late))!.getTime()).toBe(late.getTime());
    // The bounds are the channel's own: set through the channel update, checked in order, Evolution only.
    await expect(updateChannel(cloud.ctx, notices.id, { proactiveGapMinSeconds: 10 })).rejects.toMatchObject({ code: "invalid_input", issues: [{ path: "proactiveGapMaxSeconds" }] });
    await expect(updateChannel(cloud.ctx, cloud.channelId, { proactiveGapMinSeconds: 1 })).rejects.toMatchObject({ code: "invalid_input" });
    expect(updateChannelInput.safeParse({ proactiveGapMinSeconds: 0 }).success).toBe(false);
    const paced = await updateChannel(cloud.ctx, notices.id, { proactiveGapMinSeconds: 20, proactiveGapMaxSeconds: 20 });
    expect(paced).toMatchObject({ proactiveGapMinSeconds: 20, proactiveGapMaxSeconds: 20 });
    const after = (await reserveProactiveSlot(cloud.organizationId, notices.id, late))!;
    expect((await reserveProactiveSlot(cloud.organizationId, notices.id, late))!.getTime() - after.getTime()).toBe(20_000);
    const other = await createOrgWithChannel("route-gaps-other");
    expect(await reserveProactiveSlot(other.organizationId, notices.id, t0)).toBeNull();
  }, 60_000);
});

async function channelOf(id: string) {
  const [row] = await getDb().select().from(channels).where(eq(channels.id, id));
  return row;
}
