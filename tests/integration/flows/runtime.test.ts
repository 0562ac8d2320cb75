import http from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversationEvents, conversations, departments, flowNodeStats, realtimeEvents } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { applyHandoff } from "@/lib/flows/runtime/apply-handoff";
import { setFlowRuntimeSettings } from "@/lib/flows/runtime/flow-runtime-settings";
import { expireDueSessions } from "@/lib/flows/runtime/expire-due-sessions";
import { sendFlowMessage } from "@/lib/flows/runtime/send-flow-message";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { runsOf, sleep, startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { createOrgWithChannel, postToChannel, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { botMessagesOf, inboundTextsOf, conversationOf, createPublishedFlow, customerMessage, customerSays, customerTaps, newCustomer, publishVersion, repliesAtMock, sessionsOf, waitForReplies } from "./flow-helpers";

const fixture = (name: string) => JSON.parse(readFileSync(path.join(__dirname, "../../fixtures/flows", `${name}.json`), "utf8"));
const node = (id: string, type: string, data: unknown = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, target: string, sourceHandle = "next") => ({ id: `${source}-${sourceHandle}-${target}`, source, target, sourceHandle });
const keyword = (...keywords: string[]) => ({ triggers: [{ kind: "keyword", match: "exact", keywords }] });

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let ch: TestChannel;
let local: http.Server;
let localUrl: string;

beforeAll(async () => {
  mock = await startGraphMock({ accessToken: "EAAGtest-access-token-000000000000" });
  process.env.META_GRAPH_API_URL = mock.url;
  process.env.META_GRAPH_API_VERSION = "v24.0";
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
  ch = await createOrgWithChannel("flows");
  await createPublishedFlow(ch.organizationId, fixture("support-bot"), { name: "Support" });
  local = http.createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ order: { status: "shipped", path: req.url } }));
  });
  await new Promise<void>((r) => local.listen(0, "127.0.0.1", r));
  localUrl = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  local?.closeAllConnections();
  await new Promise((r) => local?.close(r));
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});

/** process-webhook-event runs that handled a customer message (the flow turn runs inside them), oldest first. */
async function flowRuns() {
  const runs = await runsOf("papo-process-webhook-event");
  return runs
    .map((r) => ({ ...r, flow: (r.output as { flows?: { messageId: string; skipped?: string }[] } | null)?.flows?.[0] }))
    .filter((r) => r.status !== "completed" || r.flow);
}

describe("flow runtime: signed webhook → executor → engine → Graph API mock", () => {
  it("greeting → menu → question with bad then good input → handoff", async () => {
    const customer = newCustomer();
    await customerSays(ch, customer, "oi, tudo bem?");
    expect(await waitForReplies(mock, customer, 2)).toEqual(["Hi Maria! Welcome to Acme.", "[button] How can we help?"]);
    const menu = mock.messages.find((m) => m.to.endsWith(customer) && m.body.type === "interactive")!;
    expect((menu.body.interactive as { action: { buttons: { reply: { id: string } }[] } }).action.buttons.map((b) => b.reply.id)).toEqual(["sales", "support"]);
    await customerTaps(ch, customer, "support", "Support");
    await waitForReplies(mock, customer, 3);
    await customerSays(ch, customer, "123.456.789-00");
    await waitForReplies(mock, customer, 4);
    await customerSays(ch, customer, "529.982.247-25");
    expect(await waitForReplies(mock, customer, 5)).toEqual([
      "Hi Maria! Welcome to Acme.",
      "[button] How can we help?",
      "What is your CPF?",
      "That CPF is not valid, try again.",
      "Connecting you to an agent (Support, CPF 52998224725).",
    ]);
    const conversation = (await waitFor(async () => {
      const c = await conversationOf(ch.organizationId, customer);
      return c?.owner === "human" ? c : undefined;
    }, "handoff"))!;
    const events = await getDb().select().from(conversationEvents).where(eq(conversationEvents.conversationId, conversation.id));
    expect(events).toMatchObject([{ kind: "handoff", body: "Topic Support", data: { note: "Topic Support" } }]);
    const [session] = await sessionsOf(conversation.id);
    expect(session).toMatchObject({ status: "completed", currentNodeId: "to_agent", isTest: false });
    expect(await botMessagesOf(ch.organizationId, customer)).toHaveLength(5);
    const stats = await getDb().select().from(flowNodeStats).where(eq(flowNodeStats.flowVersionId, session.flowVersionId));
    expect(stats.find((s) => s.nodeId === "ask_doc")).toMatchObject({ entered: 1, completed: 1 });
    expect(stats.find((s) => s.nodeId === "to_agent")).toMatchObject({ entered: 1, completed: 1 });

    // Owned by a person now: the bot never answers again.
    await customerSays(ch, customer, "oi");
    await waitFor(async () => (await flowRuns()).filter((r) => r.status === "completed" && r.flow?.skipped).length > 0, "a skipped run");
    await sleep(200);
    expect(repliesAtMock(mock, customer)).toHaveLength(5);
  });

  it("a contact with the bot turned off gets no reply", async () => {
    const customer = newCustomer();
    await customerSays(ch, customer, "x");
    await waitFor(() => conversationOf(ch.organizationId, customer), "conversation");
    await getDb().update(contacts).set({ botEnabled: false }).where(and(eq(contacts.organizationId, ch.organizationId), eq(contacts.waId, customer)));
    const before = (await flowRuns()).length;
    await customerSays(ch, customer, "oi");
    const runs = await waitFor(async () => {
      const all = (await flowRuns()).slice(before);
      return all.length > 0 && all.every((r) => r.status === "completed") ? all : undefined;
    }, "the run");
    expect(runs.map((r) => r.flow)).toEqual([{ messageId: expect.any(String), skipped: "the bot is off for this contact" }]);
    expect(repliesAtMock(mock, customer)).toEqual([]);
  });

  it("version freeze: a session keeps v1 after v2 is published; a new conversation gets v2", async () => {
    const graph = (word: string) => ({
      nodes: [node("s", "start", keyword("version")), node("q", "question", { prompt: `${word}: your name?`, variable: "name" }), node("e", "end", { message: `${word}: bye {{name}}` })],
      edges: [edge("s", "q"), edge("q", "e")],
    });
    const { flowId } = await createPublishedFlow(ch.organizationId, graph("v1"));
    const early = newCustomer();
    await customerSays(ch, early, "version");
    expect(await waitForReplies(mock, early, 1)).toEqual(["v1: your name?"]);
    await publishVersion(ch.organizationId, flowId, graph("v2"));
    await customerSays(ch, early, "Ana");
    expect(await waitForReplies(mock, early, 2)).toEqual(["v1: your name?", "v1: bye Ana"]);
    const late = newCustomer();
    await customerSays(ch, late, "version");
    expect(await waitForReplies(mock, late, 1)).toEqual(["v2: your name?"]);
  });

  it("three messages sent within 10 ms are answered in order", async () => {
    const graph = {
      nodes: [
        node("s", "start", keyword("order")),
        node("hi", "send_message", { text: "ready" }),
        node("q1", "wait_for_reply", { variable: "a" }),
        node("r1", "send_message", { text: "first: {{a}}" }),
        node("q2", "wait_for_reply", { variable: "b" }),
        node("r2", "send_message", { text: "second: {{b}}" }),
        node("q3", "wait_for_reply", { variable: "c" }),
        node("r3", "send_message", { text: "third: {{c}}" }),
      ],
      edges: [edge("s", "hi"), edge("hi", "q1"), edge("q1", "r1", "reply"), edge("r1", "q2"), edge("q2", "r2", "reply"), edge("r2", "q3"), edge("q3", "r3", "reply")],
    };
    await createPublishedFlow(ch.organizationId, graph);
    const customer = newCustomer();
    await customerSays(ch, customer, "order");
    await waitForReplies(mock, customer, 1);
    // All three webhooks are posted at once (within a millisecond or two), like a customer typing fast.
    const bodies = ["one", "two", "three"].map((m) => customerMessage(ch, customer, m));
    const t0 = performance.now();
    const posts = bodies.map((b) => postToChannel(ch.channelId, b));
    const spread = performance.now() - t0;
    expect((await Promise.all(posts)).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(spread, "the three POSTs started within 10 ms").toBeLessThan(10);
    await waitForReplies(mock, customer, 4);
    // Answered in the order the messages arrived (were stored), each answer to its own message.
    const arrived = await inboundTextsOf(ch.organizationId, customer);
    expect(arrived.slice(1).sort()).toEqual(["one", "three", "two"]);
    expect(await botMessagesOf(ch.organizationId, customer)).toEqual(["ready", `first: ${arrived[1]}`, `second: ${arrived[2]}`, `third: ${arrived[3]}`]);
    expect(repliesAtMock(mock, customer).sort()).toEqual(["ready", `first: ${arrived[1]}`, `second: ${arrived[2]}`, `third: ${arrived[3]}`].sort());
  });

  it("expiry: an idle session ends with the closing message; the next message starts over", async () => {
    const graph = {
      nodes: [node("s", "start", keyword("expire")), node("q", "question", { prompt: "Still there?", variable: "x" }), node("e", "end", { message: "ok" })],
      edges: [edge("s", "q"), edge("q", "e")],
    };
    await createPublishedFlow(ch.organizationId, graph, { settings: { expiryMinutes: 5, closingMessage: "Closing this chat. Say expire to start again." } });
    const customer = newCustomer();
    await customerSays(ch, customer, "expire");
    await waitForReplies(mock, customer, 1);
    const conversation = (await conversationOf(ch.organizationId, customer))!;
    const [session] = await sessionsOf(conversation.id);
    expect(session.status).toBe("waiting");
    expect(session.expiresAt!.getTime() - session.updatedAt.getTime()).toBe(5 * 60_000);
    expect(await expireDueSessions(new Date(Date.now() + 4 * 60_000))).toEqual([]);
    // What the expire-flow-sessions cron does every minute, at a "now" six minutes ahead.
    const plans = await expireDueSessions(new Date(Date.now() + 6 * 60_000));
    expect(plans.map((p) => p.sessionId)).toEqual([session.id]);
    for (const plan of plans) for (const m of plan.messages) expect(await sendFlowMessage(plan, m)).toHaveProperty("messageId");
    await waitForReplies(mock, customer, 2);
    expect(repliesAtMock(mock, customer)).toEqual(["Still there?", "Closing this chat. Say expire to start again."]);
    const [expired] = await sessionsOf(conversation.id);
    expect(expired.status).toBe("expired");
    const [stat] = await getDb().select().from(flowNodeStats).where(and(eq(flowNodeStats.flowVersionId, expired.flowVersionId), eq(flowNodeStats.nodeId, "q")));
    expect(stat).toMatchObject({ entered: 1, dropped: 1 });
    await customerSays(ch, customer, "expire");
    expect(await waitForReplies(mock, customer, 3)).toEqual(["Still there?", "Closing this chat. Say expire to start again.", "Still there?"]);
    expect((await conversationOf(ch.organizationId, customer))!.owner).toBe("bot");
  });

  it("restart keyword: the flow starts again from its start node", async () => {
    const graph = {
      nodes: [node("s", "start", keyword("restart-me")), node("q", "question", { prompt: "Q1?", variable: "x" }), node("q2", "question", { prompt: "Q2?", variable: "y" })],
      edges: [edge("s", "q"), edge("q", "q2")],
    };
    await createPublishedFlow(ch.organizationId, graph, { settings: { restartKeyword: "menu" } });
    const customer = newCustomer();
    await customerSays(ch, customer, "restart-me");
    await waitForReplies(mock, customer, 1);
    await customerSays(ch, customer, "a");
    await waitForReplies(mock, customer, 2);
    await customerSays(ch, customer, "MENU");
    expect(await waitForReplies(mock, customer, 3)).toEqual(["Q1?", "Q2?", "Q1?"]);
  });

  it("HTTP node: calls a local server when the organization allows private addresses, and is blocked otherwise", async () => {
    const graph = {
      nodes: [
        node("s", "start", keyword("track")),
        node("h", "http_request", { url: `${localUrl}/orders/{{system.last_input}}`, responseMappings: [{ id: "m", path: "order.status", variable: "status" }, { id: "p", path: "order.path", variable: "path" }] }),
        node("ok", "end", { message: "Status: {{status}} ({{path}})" }),
        node("ko", "end", { message: "Tracking is unavailable" }),
      ],
      edges: [edge("s", "h"), edge("h", "ok", "success"), edge("h", "ko", "failure")],
    };
    await createPublishedFlow(ch.organizationId, graph);
    const blocked = newCustomer();
    await customerSays(ch, blocked, "track");
    expect(await waitForReplies(mock, blocked, 1)).toEqual(["Tracking is unavailable"]);

    await setFlowRuntimeSettings(ch.organizationId, { allowPrivateHttp: true, ai: null });
    const allowed = newCustomer();
    await customerSays(ch, allowed, "track");
    expect(await waitForReplies(mock, allowed, 1)).toEqual(["Status: shipped (/orders/track)"]);
    await setFlowRuntimeSettings(ch.organizationId, { allowPrivateHttp: false, ai: null });
  });

  it("a handoff to a department goes through the inbox's assignment (owner human, department set, events)", async () => {
    const customer = newCustomer();
    await customerSays(ch, customer, "x");
    const conversation = (await waitFor(() => conversationOf(ch.organizationId, customer), "conversation"))!;
    const [department] = await getDb().insert(departments).values({ organizationId: ch.organizationId, name: "Billing" }).returning();
    const plan = { organizationId: ch.organizationId, conversationId: conversation.id, sessionId: "00000000-0000-4000-8000-000000000001" };
    const effect = { seq: 9, nodeId: "h", type: "handoff" as const, departmentId: department.id, assigneeId: "not-a-uuid", note: "VIP" };
    expect(await applyHandoff(plan, effect)).toEqual({ departmentId: department.id, assigneeId: null });
    await applyHandoff(plan, effect); // a retried step adds nothing
    const [after] = await getDb().select().from(conversations).where(eq(conversations.id, conversation.id));
    expect(after).toMatchObject({ owner: "human", departmentId: department.id });
    const kinds = (await getDb().select().from(conversationEvents).where(eq(conversationEvents.conversationId, conversation.id))).map((e) => e.kind).sort();
    expect(kinds).toEqual(["assigned", "handoff"]);
    // Pushed in a fixed order: the handoff, then its auto-assignment (a retried step pushes the handoff again).
    const pushed = await getDb()
      .select()
      .from(realtimeEvents)
      .where(and(eq(realtimeEvents.conversationId, conversation.id), eq(realtimeEvents.type, "timeline.event.created")))
      .orderBy(realtimeEvents.seq);
    expect(pushed.map((e) => (e.payload as { type: string }).type)).toEqual(["handoff", "assigned", "handoff"]);
  });

  it("the channel's default flow answers a message no trigger matches", async () => {
    const { flowId } = await createPublishedFlow(ch.organizationId, { nodes: [node("s", "start"), node("e", "end", { message: "Default flow here" })], edges: [edge("s", "e")] });
    const { channels } = await import("@/db/schema");
    await getDb().update(channels).set({ defaultFlowId: flowId }).where(eq(channels.id, ch.channelId));
    const customer = newCustomer();
    await customerSays(ch, customer, "something unexpected");
    expect(await waitForReplies(mock, customer, 1)).toEqual(["Default flow here"]);
    await getDb().update(channels).set({ defaultFlowId: null }).where(eq(channels.id, ch.channelId));
    const conv = (await conversationOf(ch.organizationId, customer))!;
    expect((await getDb().select().from(conversations).where(eq(conversations.id, conv.id)))[0].owner).toBe("none");
  });
});
