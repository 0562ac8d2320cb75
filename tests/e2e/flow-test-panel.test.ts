import { beforeAll, describe, expect, inject, it } from "vitest";
import { signUpOwner, type SignedUp } from "../support/http-client";

// The editor's test panel over HTTP on the production server: a test customer on the sandbox phone talks to the
// flow's unpublished draft, and the test route reports the node the session is on.
let baseUrl: string;
let owner: SignedUp;
let channelId: string;
let flowId: string;

const node = (id: string, type: string, data: unknown = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
const GRAPH = {
  nodes: [node("start", "start"), node("hello", "send_message", { text: "Hello from the draft, {{contact.first_name}}!" }), node("ask", "question", { prompt: "Your e-mail?", kind: "email", variable: "email", retryMessage: "That is not an e-mail" }), node("bye", "end", { message: "Saved {{email}}" })],
  edges: [
    { id: "a", source: "start", target: "hello", sourceHandle: "next" },
    { id: "b", source: "hello", target: "ask", sourceHandle: "next" },
    { id: "c", source: "ask", target: "bye", sourceHandle: "next" },
  ],
};

async function poll<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  baseUrl = inject("baseUrl");
  owner = await signUpOwner(baseUrl, "FlowTests");
  const ch = await owner.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/channels`, { provider: "sandbox", name: "Sandbox", displayPhoneNumber: "+15550000000" });
  expect(ch.status).toBe(201);
  channelId = ch.body.channel.id;
  const flow = await owner.client.post<{ flow: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/flows`, { name: "Draft bot" });
  expect(flow.status).toBe(201);
  flowId = flow.body.flow.id;
  const draft = await owner.client.get<{ draft: { revision: string } }>(`/api/v1/orgs/${owner.orgSlug}/flows/${flowId}/draft`);
  const saved = await owner.client.patch(`/api/v1/orgs/${owner.orgSlug}/flows/${flowId}/draft`, { graph: GRAPH, revision: draft.body.draft.revision });
  expect(saved.status).toBe(200);
});

describe("POST/GET /api/v1/orgs/{slug}/flows/{flowId}/test", () => {
  it("a sandbox test customer chats with the unpublished draft; the session's node is reported", async () => {
    const base = `/api/v1/orgs/${owner.orgSlug}`;
    const started = await owner.client.post<{ test: { phone: string; conversationId: string; name: string } }>(`${base}/flows/${flowId}/test`, { channelId });
    expect(started.status).toBe(201);
    const { phone, name } = started.body.test;
    expect(phone).toMatch(/^\+155501\d{6}$/);
    const idle = await owner.client.get<{ session: { currentNodeId: string | null; status: string } }>(`${base}/flows/${flowId}/test`);
    expect(idle.body.session).toMatchObject({ status: "active", currentNodeId: null });

    const say = (body: string) => owner.client.post(`${base}/sandbox/${channelId}/customer-messages`, { customer: { name, phone }, message: { type: "text", body } });
    const botTexts = async () => {
      const chat = await owner.client.get<{ messages: { direction: string; content: { body?: string } }[] }>(`${base}/sandbox/${channelId}/chat?phone=${encodeURIComponent(phone.replace(/\D/g, ""))}`);
      return chat.body.messages.filter((m) => m.direction === "outbound").map((m) => m.content.body);
    };
    expect((await say("hi")).status).toBe(201);
    expect(await poll("the greeting", async () => ((await botTexts()).length >= 2 ? botTexts() : undefined))).toEqual(["Hello from the draft, Test!", "Your e-mail?"]);
    const waiting = await owner.client.get<{ session: { currentNodeId: string; status: string } }>(`${base}/flows/${flowId}/test`);
    expect(waiting.body.session).toMatchObject({ status: "waiting", currentNodeId: "ask" });

    await say("not-an-email");
    await poll("the retry", async () => ((await botTexts()).length >= 3 ? true : undefined));
    await say("ana@example.com");
    expect(await poll("the end", async () => ((await botTexts()).length >= 4 ? botTexts() : undefined))).toEqual(["Hello from the draft, Test!", "Your e-mail?", "That is not an e-mail", "Saved ana@example.com"]);
    const done = await owner.client.get<{ session: { currentNodeId: string; status: string } }>(`${base}/flows/${flowId}/test`);
    expect(done.body.session).toMatchObject({ status: "completed", currentNodeId: "bye" });
  });

  it("refuses bad input, a non-sandbox channel, and non-members (404)", async () => {
    const base = `/api/v1/orgs/${owner.orgSlug}`;
    expect((await owner.client.post(`${base}/flows/${flowId}/test`, {})).status).toBe(422);
    expect((await owner.client.post(`${base}/flows/${flowId}/test`, { channelId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    const stranger = await signUpOwner(baseUrl, "Stranger");
    expect((await stranger.client.post(`${base}/flows/${flowId}/test`, { channelId })).status).toBe(404);
    expect((await stranger.client.get(`${base}/flows/${flowId}/test`)).status).toBe(404);
  });
});
