import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import { addMemberViaInvitation, HttpClient, PASSWORD, signUpOwner, type SignedUp } from "../support/http-client";
import { startServersOnOneDatabase, type ServerPair } from "../support/start-server";

/**
 * Access ends at once (issue #10 §3): removing a member, changing their role, signing out and changing the password
 * close the affected sockets — across processes with PostgreSQL (the change is made through process B, the socket
 * is on process A) — and revoked sessions stop working over HTTP too.
 */
let a: string;
let b: string;
let pair: ServerPair;
let databaseUrl: string | undefined;
let owner: SignedUp;
let ownerOnB: HttpClient;
const sockets: Socket[] = [];

const cookiesOf = (client: HttpClient) => (client as unknown as { cookies: Map<string, string> }).cookies;
const cookieHeader = (client: HttpClient) => [...cookiesOf(client)].map(([k, v]) => `${k}=${v}`).join("; ");
/** Another client holding the same cookies: a copied session (another tab, or a stolen cookie). */
function copyOf(client: HttpClient, baseUrl = client.baseUrl): HttpClient {
  const copy = new HttpClient(baseUrl);
  for (const [k, v] of cookiesOf(client)) cookiesOf(copy).set(k, v);
  return copy;
}

function connect(baseUrl: string, client: HttpClient, orgSlug: string): Socket {
  const socket = io(baseUrl, { path: "/socket.io", transports: ["websocket"], auth: { orgSlug }, extraHeaders: { cookie: cookieHeader(client) }, reconnection: false });
  sockets.push(socket);
  return socket;
}

const connected = (s: Socket) =>
  new Promise<void>((resolve, reject) => {
    if (s.connected) return resolve();
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });

/** Resolves with the reason once the server closes the socket. */
const closedByServer = (s: Socket) => new Promise<string>((resolve) => s.once("disconnect", (reason) => resolve(reason)));

async function within<T>(what: string, promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const org = (slug: string, p = "") => `/api/v1/orgs/${slug}${p}`;

async function membershipIdOf(userId: string): Promise<string> {
  const res = await owner.client.get<{ members: { id: string; userId: string }[] }>(org(owner.orgSlug, "/members"));
  return res.body.members.find((m) => m.userId === userId)!.id;
}

beforeAll(async () => {
  pair = await startServersOnOneDatabase({ fallback: inject("baseUrl") });
  [a, b] = pair.urls;
  databaseUrl = pair.databaseUrl;
  owner = await signUpOwner(a, "Access Ends");
  ownerOnB = new HttpClient(b);
  await ownerOnB.signIn(owner.email, PASSWORD);
}, 240_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await pair?.stop();
});

describe("access ends when membership or session ends", () => {
  it("a removed member's socket is closed at once, cannot come back, and its catch-up is refused", async () => {
    const agent = await addMemberViaInvitation(owner, "agent");
    const socket = connect(a, agent.client, owner.orgSlug);
    await connected(socket);
    // Live before: another member coming online reaches the agent's socket.
    const presence: { userId: string }[] = [];
    socket.on("presence", (p) => presence.push(p));
    const gotPresence = new Promise<void>((r) => socket.once("presence", () => r()));
    const ownerSocket = connect(b, ownerOnB, owner.orgSlug);
    await connected(ownerSocket);
    await within("the owner's presence on the agent's socket", gotPresence);
    expect((await socket.emitWithAck("sync", { after: 0 })) as { ok: boolean }).toMatchObject({ ok: true });

    const closed = closedByServer(socket);
    const removed = await ownerOnB.delete(org(owner.orgSlug, `/members/${await membershipIdOf(agent.userId)}`));
    expect(removed.status).toBe(200);
    expect(await within("the removed member's socket to close", closed)).toBe("io server disconnect");

    // Nothing more reaches it, and it cannot reconnect; the HTTP catch-up is refused too.
    const seenBefore = presence.length;
    const again = connect(a, agent.client, owner.orgSlug);
    await expect(connected(again)).rejects.toMatchObject({ message: "not_found" });
    expect((await agent.client.get(org(owner.orgSlug, "/realtime/events?after=0"))).status).toBe(404);
    const other = connect(b, ownerOnB, owner.orgSlug);
    await connected(other);
    await new Promise((r) => setTimeout(r, 300));
    expect(presence.length).toBe(seenBefore);
  });

  it("a socket whose membership vanished without the disconnect being delivered is refused on its next sync", async () => {
    const viewer = await addMemberViaInvitation(owner, "viewer");
    const socket = connect(a, viewer.client, owner.orgSlug);
    await connected(socket);
    expect((await socket.emitWithAck("sync", { after: 0 })) as { ok: boolean }).toMatchObject({ ok: true });
    const membershipId = await membershipIdOf(viewer.userId);
    const closed = closedByServer(socket);
    if (databaseUrl) {
      // Behind the application's back (no disconnect is sent): only the per-sync re-check can notice.
      const sql = postgres(databaseUrl, { max: 1 });
      await sql`delete from memberships where id = ${membershipId}`;
      await sql.end();
    } else {
      // One process with the embedded database: nothing else can write it, so remove through the API (whose
      // disconnect may race the sync below; either way the sync must not answer with events).
      await owner.client.delete(org(owner.orgSlug, `/members/${membershipId}`));
    }
    const answer = await within(
      "the sync answer or the close",
      Promise.race([socket.emitWithAck("sync", { after: 0 }) as Promise<{ ok: boolean }>, closed.then(() => ({ ok: false, error: "closed" }))]),
    );
    expect(answer.ok).toBe(false);
    expect(await within("the socket to close", closed)).toMatch(/server disconnect|closed/);
  });

  it("a changed role closes the member's sockets; reconnecting brings the new role's permissions", async () => {
    const agent = await addMemberViaInvitation(owner, "agent", "Role Change");
    const socket = connect(a, agent.client, owner.orgSlug);
    await connected(socket);
    const closed = closedByServer(socket);
    const changed = await ownerOnB.patch(org(owner.orgSlug, `/members/${await membershipIdOf(agent.userId)}`), { role: "viewer" });
    expect(changed.status).toBe(200);
    expect(await within("the socket to close", closed)).toBe("io server disconnect");
    const again = connect(a, agent.client, owner.orgSlug);
    await connected(again);
    // A viewer may not signal typing (the agent could).
    expect(await again.emitWithAck("typing", { conversationId: "00000000-0000-4000-8000-000000000000", typing: true })).toEqual({ ok: false, error: "forbidden" });
  });

  it("signing out ends that session everywhere: its sockets close and a copy of its cookie stops working", async () => {
    const agent = await addMemberViaInvitation(owner, "agent", "Sign Out");
    const otherDevice = new HttpClient(b);
    await otherDevice.signIn(agent.email, PASSWORD);
    const copied = copyOf(agent.client, b);
    const socket = connect(a, agent.client, owner.orgSlug);
    const otherSocket = connect(a, otherDevice, owner.orgSlug);
    await Promise.all([connected(socket), connected(otherSocket)]);
    const closed = closedByServer(socket);

    const csrf = await agent.client.get<{ csrfToken: string }>("/api/auth/csrf");
    const out = await agent.client.request("POST", "/api/auth/signout", new URLSearchParams({ csrfToken: csrf.body.csrfToken, json: "true" }).toString(), {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect([200, 302]).toContain(out.status);
    expect(await within("the signed-out session's socket to close", closed)).toBe("io server disconnect");
    expect((await copied.get("/api/v1/me")).status).toBe(401);
    // The person's other session is not affected.
    expect(otherSocket.connected).toBe(true);
    expect((await otherDevice.get("/api/v1/me")).status).toBe(200);
  });

  it("changing the password ends every other session (HTTP and sockets) and keeps the one that changed it", async () => {
    const agent = await addMemberViaInvitation(owner, "agent", "Password");
    const laptop = new HttpClient(b);
    await laptop.signIn(agent.email, PASSWORD);
    const laptopSocket = connect(b, laptop, owner.orgSlug);
    const ownSocket = connect(a, agent.client, owner.orgSlug);
    await Promise.all([connected(laptopSocket), connected(ownSocket)]);
    const closed = closedByServer(laptopSocket);

    const wrong = await agent.client.post("/api/v1/me/password", { currentPassword: "not it", newPassword: "a brand new password" });
    expect(wrong.status).toBe(422);
    expect((await laptop.get("/api/v1/me")).status).toBe(200);

    const changed = await agent.client.post("/api/v1/me/password", { currentPassword: PASSWORD, newPassword: "a brand new password" });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(await within("the other session's socket to close", closed)).toBe("io server disconnect");
    expect((await laptop.get("/api/v1/me")).status).toBe(401);
    expect((await agent.client.get("/api/v1/me")).status).toBe(200);
    expect(ownSocket.connected).toBe(true);
    // The old password no longer signs in; the new one does.
    await expect(new HttpClient(a).signIn(agent.email, PASSWORD)).rejects.toThrow(/sign-in failed/);
    await new HttpClient(a).signIn(agent.email, "a brand new password");
  });
});
