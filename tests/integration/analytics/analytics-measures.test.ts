import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { agentAvailability, contacts, conversationEvents, conversations, flowNodeStats, flowSessions, flows, flowVersions, messages, spendDaily } from "@/db/schema";
import { analyticsRange } from "@/lib/analytics/analytics-range";
import { flowNodeFunnel } from "@/lib/analytics/flow-node-funnel";
import { flowOutcomes } from "@/lib/analytics/flow-outcomes";
import { getAgentStats } from "@/lib/analytics/get-agent-stats";
import { getOverview } from "@/lib/analytics/get-overview";
import { exportAnalytics } from "@/lib/analytics/export-analytics";
import { loadOrgContext } from "@/lib/auth/org-context";
import { touchPresence } from "@/lib/inbox/touch-presence";
import { updateOrganization } from "@/lib/organizations/update-organization";
import { loadShippedRateCard } from "@/lib/spend/load-shipped-rate-card";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createOrgWithChannel, randomDigits, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { applyStatuses, outbound, unix } from "@/tests/integration/spend/spend-helpers";

/*
 * A hand-built month for an organization in São Paulo (UTC−3): the range is 1–7 November 2026 (local days), so
 * [2026-11-01T03:00Z, 2026-11-08T03:00Z). Every expected figure below is worked out by hand in the comments.
 */
let db: TestDatabase;
let ch: TestChannel;
let ownerId: string;
let flowId: string;
const TZ = "America/Sao_Paulo";
const range = () => analyticsRange({ from: "2026-11-01", to: "2026-11-08" }, TZ);
const at = (iso: string) => new Date(iso);

async function conversation(createdAt: string, opts: { status?: "open" | "closed" } = {}) {
  const d = getDb();
  const [contact] = await d.insert(contacts).values({ organizationId: ch.organizationId, channelId: ch.channelId, waId: randomDigits(12), phoneE164: `+55${randomDigits(11)}` }).returning();
  const [c] = await d
    .insert(conversations)
    .values({ organizationId: ch.organizationId, channelId: ch.channelId, contactId: contact.id, createdAt: at(createdAt), status: opts.status ?? "open" })
    .returning();
  return c.id;
}
async function message(conversationId: string, createdAt: string, from: "contact" | "person" | "bot") {
  await getDb()
    .insert(messages)
    .values({
      organizationId: ch.organizationId,
      channelId: ch.channelId,
      conversationId,
      direction: from === "contact" ? "inbound" : "outbound",
      type: "text",
      content: { type: "text", text: { body: "oi" } },
      status: from === "contact" ? "received" : "sent",
      sender: from === "contact" ? "contact" : from === "person" ? "user" : "bot",
      senderUserId: from === "person" ? ownerId : null,
      createdAt: at(createdAt),
    });
}
async function close(conversationId: string, createdAt: string) {
  await getDb().insert(conversationEvents).values({ organizationId: ch.organizationId, conversationId, kind: "status_changed", actorUserId: ownerId, data: { from: "open", to: "closed" }, createdAt: at(createdAt) });
}
async function session(conversationId: string, createdAt: string, status: "active" | "completed", endReason: string | null, currentNodeId: string) {
  const [version] = await getDb().select().from(flowVersions).where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.version, 1)));
  const [contact] = await getDb().select({ id: conversations.contactId }).from(conversations).where(eq(conversations.id, conversationId));
  await getDb()
    .insert(flowSessions)
    .values({ organizationId: ch.organizationId, flowId, flowVersionId: version.id, channelId: ch.channelId, conversationId, contactId: contact.id, status, currentNodeId, state: endReason ? { endReason } : {}, createdAt: at(createdAt) });
}

beforeAll(async () => {
  db = await createTestDatabase();
  await loadShippedRateCard(getDb());
  ch = await createOrgWithChannel("analytics");
  ownerId = ch.ctx.userId!;
  const d = getDb();
  const [flow] = await d.insert(flows).values({ organizationId: ch.organizationId, name: "Welcome bot", status: "active" }).returning();
  flowId = flow.id;
  const graph = { nodes: [{ id: "start", type: "start", data: {} }, { id: "ask", type: "question", data: {} }, { id: "human", type: "handoff", data: {} }], edges: [] };
  const [version] = await d.insert(flowVersions).values({ organizationId: ch.organizationId, flowId, version: 1, graph, publishedAt: new Date() }).returning();
  await d.update(flows).set({ publishedVersionId: version.id }).where(eq(flows.id, flowId));
  await d.insert(flowNodeStats).values([
    { organizationId: ch.organizationId, flowId, flowVersionId: version.id, nodeId: "start", entered: 3, completed: 3 },
    { organizationId: ch.organizationId, flowId, flowVersionId: version.id, nodeId: "ask", entered: 3, completed: 2, dropped: 0 },
    { organizationId: ch.organizationId, flowId, flowVersionId: version.id, nodeId: "human", entered: 1, completed: 1 },
  ]);

  // C1–C3: a person answers in 60 s, 300 s, 600 s and closes after 3 600 s, 7 200 s, 10 800 s.
  for (const [day, reply, closeAfter] of [["02", "12:01", "13:00"], ["03", "12:05", "14:00"], ["04", "12:10", "15:00"]]) {
    const c = await conversation(`2026-11-${day}T12:00:00Z`);
    await message(c, `2026-11-${day}T12:00:00Z`, "contact");
    await message(c, `2026-11-${day}T${reply}:00Z`, "person");
    await close(c, `2026-11-${day}T${closeAfter}:00Z`);
  }
  // C4: the bot alone, finished → contained.
  const c4 = await conversation("2026-11-05T12:00:00Z");
  await message(c4, "2026-11-05T12:00:00Z", "contact");
  await message(c4, "2026-11-05T12:00:05Z", "bot");
  await session(c4, "2026-11-05T12:00:00Z", "completed", "completed", "ask");
  // C5: the bot hands off; a person answers 1 200 s after the customer's first message.
  const c5 = await conversation("2026-11-05T13:00:00Z");
  await message(c5, "2026-11-05T13:00:00Z", "contact");
  await session(c5, "2026-11-05T13:00:00Z", "completed", "handoff", "human");
  await getDb().insert(conversationEvents).values({ organizationId: ch.organizationId, conversationId: c5, kind: "handoff", data: {}, createdAt: at("2026-11-05T13:01:00Z") });
  await message(c5, "2026-11-05T13:20:00Z", "person");
  // C6: 2026-11-08T02:00Z is 7 November, 23:00 in São Paulo — inside the range (in UTC it would be outside).
  const c6 = await conversation("2026-11-08T02:00:00Z");
  await message(c6, "2026-11-08T02:00:00Z", "contact");
  // C7: 2026-11-01T02:00Z is 31 October, 23:00 in São Paulo — the previous period (in UTC it would be inside).
  const c7 = await conversation("2026-11-01T02:00:00Z");
  await message(c7, "2026-11-01T02:00:00Z", "contact");
  // C8: a bot session still live: a bot conversation, neither contained nor handed off yet.
  const c8 = await conversation("2026-11-06T12:00:00Z");
  await message(c8, "2026-11-06T12:00:00Z", "contact");
  await session(c8, "2026-11-06T12:00:00Z", "active", null, "ask");

  // Availability: one hour inside, and 2 h straddling the range start of which 1 h is inside → 7 200 s.
  await d.insert(agentAvailability).values([
    { organizationId: ch.organizationId, userId: ownerId, startedAt: at("2026-11-02T10:00:00Z"), lastSeenAt: at("2026-11-02T11:00:00Z") },
    { organizationId: ch.organizationId, userId: ownerId, startedAt: at("2026-11-01T02:00:00Z"), lastSeenAt: at("2026-11-01T04:00:00Z") },
  ]);
});
afterAll(async () => {
  await db?.drop();
});

describe("overview measures on a hand-built dataset", () => {
  it("counts conversations and messages by the organization's local days", async () => {
    const o = await getOverview(ch.organizationId, range(), { withSpend: false });
    // C1–C6 and C8 opened in the range; C7 (31 Oct local) in the previous one.
    expect(o.totals).toMatchObject({ opened: 7, closed: 3, messagesIn: 7, messagesOut: 5 });
    expect(o.previousTotals).toMatchObject({ opened: 1, closed: 0, messagesIn: 1, messagesOut: 0 });
    expect(o.series.map((p) => p.day)).toEqual(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07"]);
    expect(o.series.find((p) => p.day === "2026-11-07")).toMatchObject({ opened: 1, messagesIn: 1, previousDay: "2026-10-31", previous: { opened: 1 } });
    expect(o.series.find((p) => p.day === "2026-11-01")).toMatchObject({ opened: 0 });
    expect(o.byChannel).toHaveLength(1);
    expect(o.byChannel[0]).toMatchObject({ channelId: ch.channelId, opened: 7 });
    expect(o.campaigns).toEqual({ available: false });
  });

  it("first response and resolution: median and p90 with linear interpolation", async () => {
    const o = await getOverview(ch.organizationId, range(), { withSpend: false });
    // First responses 60, 300, 600, 1 200 s: median (300+600)/2 = 450; p90 at rank 2.7 = 600 + 0.7·600 = 1 020.
    expect(o.totals.firstResponse).toEqual({ count: 4, medianSeconds: 450, p90Seconds: 1020 });
    // Resolutions 3 600, 7 200, 10 800 s: median 7 200; p90 at rank 1.8 = 7 200 + 0.8·3 600 = 10 080.
    expect(o.totals.resolution).toEqual({ count: 3, medianSeconds: 7200, p90Seconds: 10080 });
  });

  it("bot containment and handoff rate among the conversations a bot ran", async () => {
    const o = await getOverview(ch.organizationId, range(), { withSpend: false });
    expect(o.totals).toMatchObject({ botConversations: 3, contained: 1, handedOff: 1 });
    expect(o.totals.containmentRate).toBeCloseTo(1 / 3);
    expect(o.totals.handoffRate).toBeCloseTo(1 / 3);
    expect(o.previousTotals.containmentRate).toBeNull();
  });

  it("a channel filter that matches nothing of this organization counts nothing", async () => {
    const o = await getOverview(ch.organizationId, analyticsRange({ from: "2026-11-01", to: "2026-11-08", channelId: crypto.randomUUID() }, TZ), { withSpend: false });
    expect(o.totals).toMatchObject({ opened: 0, messagesIn: 0, botConversations: 0 });
  });

  it("CSV of the series: one line per day with the previous period beside it", async () => {
    const csv = await exportAnalytics(ch.organizationId, "series", range(), { withSpend: false });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^day,conversations_opened,conversations_closed,messages_in,messages_out,spend,previous_day/);
    expect(lines).toHaveLength(8);
    expect(lines[7]).toBe("2026-11-07,1,0,1,0,,2026-10-31,1,0,1,0,");
  });
});

describe("agents and flows reports", () => {
  it("per member: conversations handled, messages, response times and time online", async () => {
    const { agents } = await getAgentStats(ch.organizationId, range());
    const owner = agents.find((a) => a.userId === ownerId)!;
    expect(owner).toMatchObject({ conversationsHandled: 4, messagesSent: 4, availableSeconds: 7200 });
    expect(owner.firstResponse).toEqual({ count: 4, medianSeconds: 450, p90Seconds: 1020 });
    expect(owner.resolution.medianSeconds).toBe(7200);
  });

  it("presence heartbeats extend one availability stretch; away adds nothing", async () => {
    const { organizationId } = ch;
    const userId = ownerId;
    const before = await getDb().select().from(agentAvailability).where(eq(agentAvailability.userId, userId));
    await touchPresence(organizationId, userId, "online");
    await touchPresence(organizationId, userId);
    const after = await getDb().select().from(agentAvailability).where(eq(agentAvailability.userId, userId));
    expect(after).toHaveLength(before.length + 1);
    const fresh = after.find((a) => !before.some((b) => b.id === a.id))!;
    expect(fresh.lastSeenAt.getTime()).toBeGreaterThan(fresh.startedAt.getTime());
    await touchPresence(organizationId, userId, "away");
    expect(await getDb().select().from(agentAvailability).where(eq(agentAvailability.userId, userId))).toHaveLength(after.length);
  });

  it("per flow: sessions started, completed, dropped, handed off; per node the funnel with handoffs", async () => {
    const outcomes = await flowOutcomes(getDb(), ch.organizationId, range());
    expect(outcomes).toEqual([{ flowId, name: "Welcome bot", started: 3, completed: 1, droppedOff: 0, handedOff: 1, live: 1 }]);
    const funnel = await flowNodeFunnel(getDb(), ch.organizationId, flowId);
    expect(funnel.nodes.map((n) => [n.nodeId, n.entered, n.completed, n.dropped, n.handedOff])).toEqual([
      ["start", 3, 3, 0, 0],
      ["ask", 3, 2, 0, 0],
      ["human", 1, 1, 0, 1],
    ]);
  });
});

describe("the organization's time zone and spend days", () => {
  it("spend_daily counts the local day, and a zone change rebuilds it", async () => {
    // 2026-11-08T01:00Z is 7 November in São Paulo, 8 November in UTC.
    const { wamid } = await outbound(ch, { phone: "+5511987650001", template: { name: "promo", category: "MARKETING" } });
    await applyStatuses(ch, [{ id: wamid, status: "sent", timestamp: unix("2026-11-08T01:00:00Z"), recipient_id: "5511987650001", pricing: { billable: true, pricing_model: "PMP", type: "regular", category: "marketing" } }]);
    const days = async () => (await getDb().select({ day: spendDaily.day, amount: spendDaily.amountMicros }).from(spendDaily).where(eq(spendDaily.organizationId, ch.organizationId)));
    expect(await days()).toEqual([{ day: "2026-11-07", amount: 62_500 }]);
    const o = await getOverview(ch.organizationId, range(), { withSpend: true });
    expect(o.totals.spendMicros).toBe(62_500);
    expect(o.series.at(-1)!.spendMicros).toBe(62_500);

    const ctx = await loadOrgContext({ type: "user", userId: ownerId }, ch.ctx.org.slug);
    await updateOrganization(ctx, { timeZone: "UTC" });
    expect(await days()).toEqual([{ day: "2026-11-08", amount: 62_500 }]);
    // In UTC, C6 (02:00Z on the 8th) leaves the range and C7 (02:00Z on the 1st) enters it.
    const utc = await getOverview(ch.organizationId, analyticsRange({ from: "2026-11-01", to: "2026-11-08" }, "UTC"), { withSpend: true });
    expect(utc.totals).toMatchObject({ opened: 7, spendMicros: 0 });
    expect(utc.series[0]).toMatchObject({ day: "2026-11-01", opened: 1 });
  });

  it("refuses a time zone that is not an IANA name", async () => {
    const { updateOrganizationInput } = await import("@/lib/organizations/update-organization");
    expect(updateOrganizationInput.safeParse({ timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(updateOrganizationInput.safeParse({ timeZone: "America/Manaus" }).success).toBe(true);
  });
});
