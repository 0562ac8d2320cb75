import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { HttpClient, PASSWORD, signUpOwner, type SignedUp } from "../support/http-client";
import { startServersOnOneDatabase, type ServerPair } from "../support/start-server";

/**
 * Realtime across processes: with PostgreSQL, two servers share one database, a socket connected to process A
 * receives what a request to process B changed (the Postgres adapter). With the embedded database only one process
 * can exist, so A and B are the suite's single server (the same assertions, without the hop).
 */
let a: string;
let b: string;
let pair: ServerPair;
let owner: SignedUp;
let ownerOnB: HttpClient;
let stranger: SignedUp;
let conversationId: string;
let channelId: string;
const sockets: Socket[] = [];

type InboxEvent = { seq: number; type: string; organizationId: string; conversationId: string | null; payload: Record<string, unknown> };

const cookieOf = (client: HttpClient) =>
  [...(client as unknown as { cookies: Map<string, string> }).cookies].map(([k, v]) => `${k}=${v}`).join("; ");

function connect(baseUrl: string, client: HttpClient | null, orgSlug: string, headers: Record<string, string> = {}): Socket {
  const socket = io(baseUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    auth: { orgSlug },
    extraHeaders: { ...(client ? { cookie: cookieOf(client) } : {}), ...headers },
    reconnection: false,
  });
  sockets.push(socket);
  return socket;
}

const connected = (s: Socket) =>
  new Promise<void>((resolve, reject) => {
    if (s.connected) return resolve();
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });

function collect(s: Socket): InboxEvent[] {
  const seen: InboxEvent[] = [];
  s.on("inbox", (e: InboxEvent) => seen.push(e));
  return seen;
}

async function until<T>(what: string, fn: () => T | undefined | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const org = (slug: string, p = "") => `/api/v1/orgs/${slug}${p}`;

beforeAll(async () => {
  pair = await startServersOnOneDatabase({ fallback: inject("baseUrl") });
  [a, b] = pair.urls;
  owner = await signUpOwner(a, "Realtime");
  // The same person signed in on process B (the session is a JWT signed with the shared secret).
  ownerOnB = new HttpClient(b);
  await ownerOnB.signIn(owner.email, PASSWORD);
  stranger = await signUpOwner(a, "Stranger");

  const channel = await owner.client.post<{ channel: { id: string } }>(org(owner.orgSlug, "/channels"), {
    provider: "sandbox",
    name: "Realtime",
    displayPhoneNumber: "+5511912345678",
  });
  expect(channel.status).toBe(201);
  channelId = channel.body.channel.id;
  const sent = await owner.client.post<{ message: { waMessageId: string } }>(org(owner.orgSlug, `/sandbox/${channelId}/customer-messages`), {
    customer: { name: "Realtime Customer", phone: "+5511987650099" },
    message: { type: "text", body: "Olá" },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = await owner.client.get<{ conversations: { id: string }[] }>(org(owner.orgSlug, "/conversations"));
    if (list.body.conversations?.length) {
      conversationId = list.body.conversations[0].id;
      break;
    }
    if (Date.now() > deadline) throw new Error("the sandbox customer's message never made a conversation");
    await new Promise((r) => setTimeout(r, 100));
  }
}, 240_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await pair?.stop();
});

describe("realtime inbox", () => {
  it("refuses sockets without a session, and for an organization the person is not a member of", async () => {
    const anonymous = connect(a, null, owner.orgSlug);
    await expect(connected(anonymous)).rejects.toMatchObject({ message: "unauthorized" });
    const outsider = connect(a, stranger.client, owner.orgSlug);
    await expect(connected(outsider)).rejects.toMatchObject({ message: "not_found" });
    // A page of another site cannot open a socket with the member's cookie (cross-site WebSocket hijacking).
    const crossSite = connect(a, owner.client, owner.orgSlug, { origin: "https://evil.example" });
    await expect(connected(crossSite)).rejects.toBeInstanceOf(Error);
    const sameSite = connect(a, owner.client, owner.orgSlug, { origin: a });
    await connected(sameSite);
  });

  it("a change made through process B reaches a socket on process A, and never another organization's socket", async () => {
    const socket = connect(a, owner.client, owner.orgSlug);
    const strangerSocket = connect(a, stranger.client, stranger.orgSlug);
    await Promise.all([connected(socket), connected(strangerSocket)]);
    const seen = collect(socket);
    const strangerSeen = collect(strangerSocket);

    const note = await ownerOnB.post(org(owner.orgSlug, `/conversations/${conversationId}/notes`), { body: "From process B" });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    const event = await until("the note on process A", () => seen.find((e) => e.type === "timeline.event.created"));
    expect(event).toMatchObject({ conversationId, payload: { kind: "event", type: "note", body: "From process B" } });

    const status = await ownerOnB.post(org(owner.orgSlug, `/conversations/${conversationId}/status`), { status: "pending" });
    expect(status.status).toBe(200);
    const updated = await until("the status change on A", () => seen.find((e) => e.type === "conversation.updated" && e.payload.status === "pending"));
    expect(updated.payload).toMatchObject({ id: conversationId, status: "pending" });

    // Give a stray delivery time to arrive before asserting there was none.
    await new Promise((r) => setTimeout(r, 500));
    expect(strangerSeen).toEqual([]);
  });

  it("typing reaches the other sockets in the conversation room across processes", async () => {
    const onA = connect(a, owner.client, owner.orgSlug);
    const onB = connect(b, ownerOnB, owner.orgSlug);
    await Promise.all([connected(onA), connected(onB)]);
    for (const s of [onA, onB]) expect(await s.emitWithAck("conversation:join", { conversationId })).toEqual({ ok: true });
    const typing: unknown[] = [];
    onA.on("typing", (t) => typing.push(t));
    expect(await onB.emitWithAck("typing", { conversationId, typing: true })).toEqual({ ok: true });
    await until("typing on A", () => typing.length > 0);
    expect(typing[0]).toMatchObject({ conversationId, typing: true, userId: owner.userId });
    // A conversation of another organization cannot be joined.
    const strangerSocket = connect(a, stranger.client, stranger.orgSlug);
    await connected(strangerSocket);
    expect(await strangerSocket.emitWithAck("conversation:join", { conversationId })).toEqual({ ok: false, error: "not_found" });
  });

  it("a customer's message, an agent's reply and its statuses are pushed live", async () => {
    const socket = connect(a, owner.client, owner.orgSlug);
    await connected(socket);
    const seen = collect(socket);
    const sent = await ownerOnB.post(org(owner.orgSlug, `/sandbox/${channelId}/customer-messages`), {
      customer: { name: "Realtime Customer", phone: "+5511987650099" },
      message: { type: "text", body: "Mensagem ao vivo" },
    });
    expect(sent.status).toBe(201);
    const inbound = await until("the inbound message", () =>
      seen.find((e) => e.type === "message.created" && (e.payload.content as { text?: { body?: string } }).text?.body === "Mensagem ao vivo"),
    );
    expect(inbound.payload).toMatchObject({ direction: "inbound", conversationId });
    const listed = await until("the conversation's new preview", () =>
      seen.find((e) => e.type === "conversation.updated" && e.payload.lastMessagePreview === "Mensagem ao vivo"),
    );
    expect(listed.payload.unreadCount as number).toBeGreaterThan(0);

    const reply = await ownerOnB.post<{ message: { id: string } }>(org(owner.orgSlug, `/conversations/${conversationId}/messages`), { text: "Resposta ao vivo" });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const created = await until("the reply", () => seen.find((e) => e.type === "message.created" && e.payload.id === reply.body.message.id));
    expect(created.payload).toMatchObject({ direction: "outbound", status: "queued" });
    // The sandbox answers like Meta: the wamid is stored, then sent → delivered → read come back as webhooks.
    await until(
      "the reply's read status",
      () => seen.find((e) => e.type === "message.updated" && e.payload.id === reply.body.message.id && e.payload.status === "read"),
      20_000,
    );
  });

  it("a client that reconnects catches up on what it missed, by seq", async () => {
    const first = connect(a, owner.client, owner.orgSlug);
    await connected(first);
    const seen = collect(first);
    await ownerOnB.post(org(owner.orgSlug, `/conversations/${conversationId}/priority`), { priority: "high" });
    const live = await until("the priority change", () => seen.find((e) => e.type === "conversation.updated" && e.payload.priority === "high"));
    first.disconnect();

    // While disconnected: two changes through process B.
    await ownerOnB.post(org(owner.orgSlug, `/conversations/${conversationId}/notes`), { body: "missed 1" });
    await ownerOnB.post(org(owner.orgSlug, `/conversations/${conversationId}/priority`), { priority: "urgent" });

    const again = connect(a, owner.client, owner.orgSlug);
    await connected(again);
    const res = (await again.emitWithAck("sync", { after: live.seq })) as { ok: boolean; events: InboxEvent[]; truncated: boolean };
    expect(res.ok).toBe(true);
    expect(res.truncated).toBe(false);
    expect(res.events.map((e) => [e.type, e.payload.body ?? e.payload.priority])).toEqual([
      ["timeline.event.created", "missed 1"],
      ["timeline.event.created", undefined],
      ["conversation.updated", "urgent"],
    ]);
    // The same over HTTP, and nothing of another organization.
    const http = await owner.client.get<{ events: InboxEvent[] }>(org(owner.orgSlug, `/realtime/events?after=${live.seq}`));
    expect(http.body.events.map((e) => e.seq)).toEqual(res.events.map((e) => e.seq));
    const strangers = await stranger.client.get<{ events: InboxEvent[] }>(org(stranger.orgSlug, "/realtime/events?after=0"));
    expect(strangers.body.events).toEqual([]);
  });
});
