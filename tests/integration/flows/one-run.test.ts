import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, realtimeEvents } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { sendFlowReply } from "@/lib/flows/runtime/send-flow-reply";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { runsOf, sleep, startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { createOrgWithChannel, postToChannel, statusWebhook, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { botMessagesOf, conversationOf, createPublishedFlow, customerSays, newCustomer, repliesAtMock, sessionsOf, waitForReplies } from "./flow-helpers";

const node = (id: string, type: string, data: unknown = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, sourceHandle: "next" });
// "hi" → two messages, then the end.
const helloBye = {
  nodes: [node("s", "start", { triggers: [{ kind: "keyword", match: "exact", keywords: ["hi"] }] }), node("a", "send_message", { text: "hello" }), node("b", "send_message", { text: "bye" }), node("e", "end")],
  edges: [edge("s", "a"), edge("a", "b"), edge("b", "e")],
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
  ch = await createOrgWithChannel("one-run");
  await createPublishedFlow(ch.organizationId, helloBye, { name: "Hello bye" });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});

/** A status webhook for a message the mock accepted, carrying Papo's callback data (as Meta echoes it). */
async function statusFor(wamid: string, to: string, callbackData?: string) {
  const body = statusWebhook(ch.phoneNumberId, [
    { id: wamid, status: "sent", timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: to, ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}) },
  ]);
  const res = await postToChannel(ch.channelId, body);
  expect(res.status).toBe(200);
}

describe("one run per inbound message", () => {
  it("a customer text → the flow's replies, exactly once and in order, from the webhook's own run", async () => {
    const sendRunsBefore = (await runsOf("papo-send-message")).length;
    const customer = newCustomer();
    await customerSays(ch, customer, "hi");
    expect(await waitForReplies(mock, customer, 2)).toEqual(["hello", "bye"]);
    const conversation = (await conversationOf(ch.organizationId, customer))!;
    await waitFor(async () => (await sessionsOf(conversation.id))[0]?.status === "completed", "the session ends");
    await sleep(300);
    expect(repliesAtMock(mock, customer)).toEqual(["hello", "bye"]);
    expect(await botMessagesOf(ch.organizationId, customer)).toEqual(["hello", "bye"]);
    // No send-message run per reply (and no run-flow run: that function is gone): the replies were steps of the
    // process-webhook-event run that stored the customer's message.
    expect((await runsOf("papo-send-message")).length).toBe(sendRunsBefore);
    const handled = await waitFor(
      async () => (await runsOf("papo-process-webhook-event")).find((r) => r.status === "completed" && (r.output as { flows?: { handled?: boolean }[] } | null)?.flows?.[0]?.handled),
      "the webhook's run completes with the flow handled",
    );
    expect(handled.output).toMatchObject({ status: "processed", flows: [{ handled: true }] });
    // Every bot row has Meta's id: sent, not left queued for someone else.
    const rows = await getDb().select({ wamid: messages.waMessageId }).from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.sender, "bot")));
    expect(rows.every((r) => r.wamid)).toBe(true);
  });

  it("each bot reply is pushed to the inbox once (message.created)", async () => {
    const customer = newCustomer();
    await customerSays(ch, customer, "hi");
    await waitForReplies(mock, customer, 2);
    const conversation = (await conversationOf(ch.organizationId, customer))!;
    const bot = await getDb().select({ id: messages.id }).from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.sender, "bot")));
    expect(bot).toHaveLength(2);
    for (const m of bot) {
      const pushes = await getDb()
        .select({ id: realtimeEvents.id })
        .from(realtimeEvents)
        .where(and(eq(realtimeEvents.organizationId, ch.organizationId), eq(realtimeEvents.type, "message.created"), sql`${realtimeEvents.payload}::text like ${`%${m.id}%`}`));
      expect(pushes).toHaveLength(1);
    }
  });

  it("a re-run of a reply's step (crash after the send) finds the row by its key and never sends twice", async () => {
    const customer = newCustomer();
    await customerSays(ch, customer, "hi");
    await waitForReplies(mock, customer, 2);
    const conversation = (await conversationOf(ch.organizationId, customer))!;
    const [session] = await sessionsOf(conversation.id);
    const plan = { organizationId: ch.organizationId, conversationId: conversation.id, sessionId: session.id };
    // The step of reply 1 runs again (its result was lost): same key flow:<session>:<seq>, same row, no send.
    const again = await sendFlowReply(plan, { seq: 1, nodeId: "a", message: { type: "text", body: "hello" } });
    expect(again).toMatchObject({ first: { kind: "already" } });
    // A new reply whose step runs twice: sent by the first run, found by the second.
    const planned = { seq: 99, nodeId: "x", message: { type: "text" as const, body: "once" } };
    expect(await sendFlowReply(plan, planned)).toMatchObject({ first: { kind: "accepted" } });
    expect(await sendFlowReply(plan, planned)).toMatchObject({ first: { kind: "already" } });
    expect(repliesAtMock(mock, customer)).toEqual(["hello", "bye", "once"]);
  });
});

describe("order after an ambiguous failure", () => {
  it("bot replies: the first send gets a 500 Meta had accepted → the second waits for its status, both arrive once, in order", async () => {
    const customer = newCustomer();
    mock.fail({ status: 500, accepted: true });
    await customerSays(ch, customer, "hi");
    await waitForReplies(mock, customer, 1);
    // The run now waits for evidence about "hello"; "bye" must not overtake it.
    await sleep(1000);
    expect(repliesAtMock(mock, customer)).toEqual(["hello"]);
    const hello = mock.messages.find((m) => m.to.replace(/\D/g, "") === customer)!;
    await statusFor(hello.wamid, customer, hello.callbackData);
    expect(await waitForReplies(mock, customer, 2)).toEqual(["hello", "bye"]);
    await sleep(300);
    expect(repliesAtMock(mock, customer)).toEqual(["hello", "bye"]);
    const conversation = (await conversationOf(ch.organizationId, customer))!;
    const rows = await getDb().select({ wamid: messages.waMessageId, doubt: messages.sendDoubtSince }).from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.sender, "bot")));
    expect(rows.map((r) => r.wamid).sort()).toEqual(mock.messages.filter((m) => m.to.replace(/\D/g, "") === customer).map((m) => m.wamid).sort());
    expect(rows.every((r) => r.doubt === null)).toBe(true);
  });

  it("inbox sends (send-message runs): a later message waits while an earlier one is in doubt", async () => {
    const customer = newCustomer();
    await customerSays(ch, customer, "not a trigger");
    const conversation = await waitFor(() => conversationOf(ch.organizationId, customer), "conversation");
    mock.fail({ status: 500, accepted: true });
    const first = await queueOutboundMessage({ organizationId: ch.organizationId, conversationId: conversation.id, message: { type: "text", body: "first" }, sender: "user" });
    await waitForReplies(mock, customer, 1);
    await queueOutboundMessage({ organizationId: ch.organizationId, conversationId: conversation.id, message: { type: "text", body: "second" }, sender: "user" });
    // The second run is claimed (the first holds no slot while it waits) but finds the first in doubt and waits.
    await sleep(1000);
    expect(repliesAtMock(mock, customer)).toEqual(["first"]);
    const sent = mock.messages.find((m) => m.to.replace(/\D/g, "") === customer)!;
    expect(sent.callbackData).toContain(first.message.id);
    await statusFor(sent.wamid, customer, sent.callbackData);
    expect(await waitForReplies(mock, customer, 2)).toEqual(["first", "second"]);
    await sleep(300);
    expect(repliesAtMock(mock, customer)).toEqual(["first", "second"]);
  });
});
