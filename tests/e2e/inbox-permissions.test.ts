import { beforeAll, describe, expect, inject, it } from "vitest";
import { HttpClient, addMemberViaInvitation, signUpOwner, type SignedUp } from "../support/http-client";

/**
 * The inbox permission matrix over HTTP: viewer reads only; agents act on unassigned and their own conversations
 * (someone else's → 403); admins and owners act on everything; another organization → 404; no session → 401.
 */
type Role = "owner" | "admin" | "agent" | "viewer";
const roles: Role[] = ["owner", "admin", "agent", "viewer"];
const actors: Role[] = ["owner", "admin", "agent"];
const managers: Role[] = ["owner", "admin"];

let baseUrl: string;
let owner: SignedUp;
let stranger: SignedUp;
let agent2: SignedUp;
const users = {} as Record<Role, SignedUp>;
let channelId: string;
let phoneSeq = 0;

const org = (p = "") => `/api/v1/orgs/${owner.orgSlug}${p}`;

/** A conversation the way real ones start: a sandbox customer's message through the signed webhook. */
async function newConversation(): Promise<{ id: string; contactId: string }> {
  const phone = `+55119876${String(Date.now() % 10000).padStart(4, "0")}${++phoneSeq}`;
  const sent = await owner.client.post(org(`/sandbox/${channelId}/customer-messages`), {
    customer: { name: `Matrix ${phoneSeq}`, phone },
    message: { type: "text", body: "Olá, inbox" },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = await owner.client.get<{ conversations: { id: string; contact: { id: string } }[] }>(org(`/conversations?q=${phone.slice(1)}`));
    const found = list.body.conversations?.[0];
    if (found) return { id: found.id, contactId: found.contact.id };
    if (Date.now() > deadline) throw new Error("the sandbox customer's message never made a conversation");
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  baseUrl = inject("baseUrl");
  owner = await signUpOwner(baseUrl, "Inbox Matrix");
  users.owner = owner;
  for (const role of ["admin", "agent", "viewer"] as const) users[role] = await addMemberViaInvitation(owner, role);
  agent2 = await addMemberViaInvitation(owner, "agent");
  stranger = await signUpOwner(baseUrl, "Inbox Stranger");
  const channel = await owner.client.post<{ channel: { id: string } }>(org("/channels"), { provider: "sandbox", name: "Matrix", displayPhoneNumber: "+5511912345678" });
  expect(channel.status).toBe(201);
  channelId = channel.body.channel.id;
}, 120_000);

describe("inbox reads", () => {
  it("every role reads the list, counts, detail, timeline, tags, canned replies, departments, presence, contact", async () => {
    const c = await newConversation();
    for (const role of roles) {
      const client = users[role].client;
      for (const path of [
        "/conversations",
        "/conversations?status=all&assignee=mine",
        "/conversations/counts",
        `/conversations/${c.id}`,
        `/conversations/${c.id}/timeline`,
        "/tags",
        "/canned-replies",
        "/departments",
        "/presence",
        `/contacts/${c.contactId}`,
        "/realtime/events",
      ]) {
        const res = await client.get(org(path));
        expect(res.status, `${role} GET ${path}: ${JSON.stringify(res.body)}`).toBe(200);
      }
    }
    const timeline = await users.viewer.client.get<{ items: { kind: string; content: { text?: { body: string } } }[] }>(org(`/conversations/${c.id}/timeline`));
    expect(timeline.body.items.at(-1)).toMatchObject({ kind: "message", content: { text: { body: "Olá, inbox" } } });
  });

  it("without a session: 401; another organization's member: 404", async () => {
    const c = await newConversation();
    expect((await new HttpClient(baseUrl).get(org(`/conversations/${c.id}`))).status).toBe(401);
    expect((await stranger.client.get(org(`/conversations/${c.id}`))).status).toBe(404);
    // Through the stranger's own organization, our conversation id names nothing.
    const viaOwnOrg = await stranger.client.post(`/api/v1/orgs/${stranger.orgSlug}/conversations/${c.id}/notes`, { body: "x" });
    expect(viaOwnOrg.status).toBe(404);
  });
});

describe("acting on an unassigned conversation", () => {
  for (const role of roles) {
    it(`${role}: ${actors.includes(role) ? "may act" : "reads only (403)"}`, async () => {
      const c = await newConversation();
      const client = users[role].client;
      const expectStatus = (ok: number) => (actors.includes(role) ? ok : 403);
      const calls: [string, string, unknown, number][] = [
        ["POST", `/conversations/${c.id}/notes`, { body: `note by ${role}` }, 201],
        ["POST", `/conversations/${c.id}/read`, {}, 200],
        ["POST", `/conversations/${c.id}/priority`, { priority: "high" }, 200],
        ["POST", `/conversations/${c.id}/owner`, { owner: "human" }, 200],
        ["POST", `/conversations/${c.id}/status`, { status: "pending" }, 200],
        ["POST", `/conversations/${c.id}/messages`, { text: `reply by ${role}` }, 201],
        ["PUT", "/presence", { status: "online" }, 200],
        ["POST", `/conversations/${c.id}/assign`, { assigneeId: users[role].userId }, role === "viewer" ? 403 : 200],
      ];
      for (const [method, path, body, ok] of calls) {
        const res = await client.request(method, org(path), body);
        expect(res.status, `${role} ${method} ${path}: ${JSON.stringify(res.body)}`).toBe(expectStatus(ok));
        if (res.status >= 400) expect(res.body).toMatchObject({ error: { code: "forbidden" } });
      }
    });
  }
});

describe("someone else's conversation", () => {
  it("an agent gets 403 on a conversation assigned to another agent; admins and owners act on it", async () => {
    const c = await newConversation();
    expect((await owner.client.post(org(`/conversations/${c.id}/assign`), { assigneeId: agent2.userId })).status).toBe(200);
    const agent = users.agent.client;
    for (const [path, body] of [
      [`/conversations/${c.id}/notes`, { body: "not mine" }],
      [`/conversations/${c.id}/messages`, { text: "not mine" }],
      [`/conversations/${c.id}/status`, { status: "closed" }],
      [`/conversations/${c.id}/assign`, { assigneeId: users.agent.userId }],
      [`/conversations/${c.id}/read`, {}],
    ] as const) {
      const res = await agent.post(org(path), body);
      expect(res.status, `agent POST ${path}`).toBe(403);
    }
    const detail = await agent.get<{ can: Record<string, boolean> }>(org(`/conversations/${c.id}`));
    expect(detail.body.can).toEqual({ reply: false, assign: false, manage: false, note: false });
    expect((await agent2.client.post(org(`/conversations/${c.id}/notes`), { body: "mine" })).status).toBe(201);
    for (const role of managers) {
      expect((await users[role].client.post(org(`/conversations/${c.id}/notes`), { body: `by ${role}` })).status).toBe(201);
    }
    expect((await users.admin.client.post(org(`/conversations/${c.id}/assign`), { assigneeId: users.agent.userId, note: "Take it" })).status).toBe(200);
    expect((await agent.post(org(`/conversations/${c.id}/notes`), { body: "now mine" })).status).toBe(201);
  });
});

describe("settings of the inbox", () => {
  it("canned replies, departments and tag deletion are for admins and owners; tags may be created by agents", async () => {
    for (const role of roles) {
      const client = users[role].client;
      const canned = await client.post(org("/canned-replies"), { shortcut: `hi-${role}`, body: "Olá!" });
      expect(canned.status, `${role} canned`).toBe(managers.includes(role) ? 201 : 403);
      const dept = await client.post(org("/departments"), { name: `Dept ${role}`, autoAssign: true, memberIds: [users.agent.userId] });
      expect(dept.status, `${role} department`).toBe(managers.includes(role) ? 201 : 403);
      const tag = await client.post<{ tag: { id: string } }>(org("/tags"), { name: `tag-${role}` });
      expect(tag.status, `${role} tag`).toBe(actors.includes(role) ? 201 : 403);
    }
    const tag = await users.agent.client.post<{ tag: { id: string } }>(org("/tags"), { name: "to-delete" });
    expect((await users.agent.client.delete(org(`/tags/${tag.body.tag.id}`))).status).toBe(403);
    expect((await users.admin.client.delete(org(`/tags/${tag.body.tag.id}`))).status).toBe(200);
    const dup = await owner.client.post(org("/canned-replies"), { shortcut: "hi-owner", body: "again" });
    expect(dup.status).toBe(409);
  });

  it("a failed message is retried as a new attempt; anything else cannot be retried", async () => {
    const c = await newConversation();
    const timeline = await owner.client.get<{ items: { id: string; kind: string }[] }>(org(`/conversations/${c.id}/timeline`));
    const inbound = timeline.body.items.find((i) => i.kind === "message")!;
    const res = await owner.client.post(org(`/conversations/${c.id}/messages/${inbound.id}/retry`));
    expect(res.status).toBe(404);
    const sent = await owner.client.post<{ message: { id: string } }>(org(`/conversations/${c.id}/messages`), { text: "queued" });
    const notFailed = await owner.client.post(org(`/conversations/${c.id}/messages/${sent.body.message.id}/retry`));
    expect(notFailed.status).toBe(409);
    expect((await users.viewer.client.post(org(`/conversations/${c.id}/messages/${sent.body.message.id}/retry`))).status).toBe(403);
  });
});
