import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functions, inngest } from "@/inngest";
import { readCounters, resetCounters, type Counters } from "@/inngest/executor/counters";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { createOrgWithChannel, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { createPublishedFlow, customerSays, newCustomer, waitForReplies } from "./flow-helpers";

/**
 * The documented cost (ARCHITECTURE.md "Flows", issue #11 item 3): webhook POST → first Graph API send of a text
 * reply, counted by the executor's counters (SDK calls) and the database layer (every statement, BEGIN/COMMIT
 * included, by anyone in this process). The goal is 2 calls and 40 statements. Calls: met (one call: ingest,
 * flow turn and the first reply are checkpointed steps). Statements: measured 41 on PostgreSQL (was 51, and 75
 * before) — store the webhook 6, claim 6, read the run 1, ingest 13 (its inbox push included), 2 checkpoints, flow
 * turn 6, storing and sending the reply 7; statement by statement in inngest/ARCHITECTURE.md ("The cost of one
 * inbound message"). The ceiling is the measured figure: lower it as it gets cheaper.
 */
const MAX_SDK_CALLS = 2;
const MAX_SQL_STATEMENTS = 41;

const node = (id: string, type: string, data: unknown = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, sourceHandle: "next" });
const graph = {
  nodes: [node("s", "start", { triggers: [{ kind: "any_message" }] }), node("a", "send_message", { text: "hello" }), node("e", "end", { message: "bye" })],
  edges: [edge("s", "a"), edge("a", "e")],
};

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let proxy: http.Server;
let ch: TestChannel;
// The counters at the moment the first message send reached "Meta".
let atFirstSend: Counters | undefined;

beforeAll(async () => {
  mock = await startGraphMock({ accessToken: "EAAGtest-access-token-000000000000" });
  // In front of the mock: reads the counters synchronously when the first POST …/messages arrives, then forwards.
  proxy = http.createServer(async (req, res) => {
    if (!atFirstSend && req.method === "POST" && req.url?.endsWith("/messages")) atFirstSend = readCounters();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const answer = await fetch(`${mock.url}${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === "GET" ? undefined : Buffer.concat(chunks) });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  process.env.META_GRAPH_API_URL = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  process.env.META_GRAPH_API_VERSION = "v24.0";
  db = await createTestDatabase();
  // No idle polling: the executor is woken by the events it is handed, so every statement counted is the message's.
  h = await startHarness({ client: inngest, functions, executor: { pollMs: 60_000 } });
  ch = await createOrgWithChannel("cost");
  await createPublishedFlow(ch.organizationId, graph, { name: "Cost" });
  // Warm-up: caches (channel, published graph), prepared pools, the first compile of everything on the path.
  const warm = newCustomer();
  await customerSays(ch, warm, "warm");
  await waitForReplies(mock, warm, 2);
}, 120_000);
afterAll(async () => {
  await h?.close();
  proxy?.closeAllConnections();
  await new Promise((r) => proxy?.close(r));
  await mock?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});

describe("the cost of one inbound message", () => {
  it(`webhook → first Graph API send of a text reply: ≤ ${MAX_SDK_CALLS} SDK calls and ≤ ${MAX_SQL_STATEMENTS} SQL statements`, async () => {
    // Let the warm-up's runs finish (the settle of its last reply, status follow-ups) before counting.
    await new Promise((r) => setTimeout(r, 1000));
    const customer = newCustomer();
    atFirstSend = undefined;
    resetCounters();
    await customerSays(ch, customer, "hi");
    await waitFor(() => atFirstSend, "the first send");
    expect(await waitForReplies(mock, customer, 2)).toEqual(["hello", "bye"]);
    const cost = `${atFirstSend!.sdkCalls} SDK calls, ${atFirstSend!.sqlStatements} SQL statements`;
    expect(atFirstSend!.sdkCalls, cost).toBeLessThanOrEqual(MAX_SDK_CALLS);
    expect(atFirstSend!.sqlStatements, cost).toBeLessThanOrEqual(MAX_SQL_STATEMENTS);
  });
});
