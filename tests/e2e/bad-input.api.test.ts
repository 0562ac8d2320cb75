import { beforeAll, describe, expect, inject, it } from "vitest";
import { HttpClient, PASSWORD, signUpOwner, type SignedUp } from "../support/http-client";

/** Each input that used to answer 500 (issue #10 §2), now a 4xx that says what is wrong and writes nothing. */
let baseUrl: string;
let owner: SignedUp;
const org = (p = "") => `/api/v1/orgs/${owner.orgSlug}${p}`;
let ids: { channel: string; cannedReply: string; department: string; contact: string; conversation: string };

beforeAll(async () => {
  baseUrl = inject("baseUrl");
  owner = await signUpOwner(baseUrl, "Bad Input Org");
  const channel = await owner.client.post<{ channel: { id: string } }>(org("/channels"), { provider: "sandbox", name: "Bad", displayPhoneNumber: "+5511912345678" });
  const canned = await owner.client.post<{ cannedReply: { id: string } }>(org("/canned-replies"), { shortcut: "hi", body: "Hello there" });
  const department = await owner.client.post<{ department: { id: string } }>(org("/departments"), { name: "Sales" });
  const sent = await owner.client.post<{ message: { waMessageId: string } }>(org(`/sandbox/${channel.body.channel.id}/customer-messages`), {
    customer: { name: "Bad Input Customer", phone: "+5511987650099" },
    message: { type: "text", body: "Oi" },
  });
  expect(sent.status).toBe(201);
  let conversation = "";
  for (const deadline = Date.now() + 20_000; !conversation; ) {
    const chat = await owner.client.get<{ messages: { waMessageId: string; conversationId: string }[] }>(org(`/sandbox/${channel.body.channel.id}/chat?phone=5511987650099`));
    conversation = chat.body.messages?.find((m) => m.waMessageId === sent.body.message.waMessageId)?.conversationId ?? "";
    if (Date.now() > deadline) throw new Error("the sandbox message was never stored");
    if (!conversation) await new Promise((r) => setTimeout(r, 100));
  }
  const detail = await owner.client.get<{ conversation: { contact: { id: string } } }>(org(`/conversations/${conversation}`));
  ids = { channel: channel.body.channel.id, cannedReply: canned.body.cannedReply.id, department: department.body.department.id, contact: detail.body.conversation.contact.id, conversation };
});

const auditCount = async () => (await owner.client.get<{ entries: unknown[] }>(org("/audit-log?limit=200"))).body.entries.length;

describe("PATCH with nothing to change is a 400, not 'No values to set'", () => {
  it("canned replies, channels, contacts, departments, flow settings, the profile", async () => {
    const targets = [
      org(`/canned-replies/${ids.cannedReply}`),
      org(`/channels/${ids.channel}`),
      org(`/contacts/${ids.contact}`),
      org(`/departments/${ids.department}`),
      "/api/v1/me",
    ];
    const audit = await auditCount();
    // Flow settings' schema is strict (an unknown key is a 422 naming it), so only {} applies there.
    expect((await owner.client.patch(org("/flow-settings"), {})).status).toBe(400);
    for (const path of targets) {
      for (const body of [{}, { notAField: "x" }]) {
        const res = await owner.client.patch(path, body);
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
        expect(res.body).toMatchObject({ error: { code: "bad_request", message: expect.stringMatching(/Nothing to change/) } });
      }
    }
    expect(await auditCount()).toBe(audit);
    // A usable field still works.
    expect((await owner.client.patch(org(`/canned-replies/${ids.cannedReply}`), { body: "Hello again" })).status).toBe(200);
  });
});

describe("NUL and lone surrogates are refused with a 422 naming the field", () => {
  it("in tags, departments, flows, notes, the organization name, contacts", async () => {
    const cases: [string, string, unknown, string][] = [
      ["POST", org("/tags"), { name: "vip\u0000" }, "name"],
      ["POST", org("/departments"), { name: "Sup\u0000port" }, "name"],
      ["POST", org("/departments"), { name: "Sup\ud800port" }, "name"],
      ["PATCH", org(`/departments/${ids.department}`), { name: "\udc00" }, "name"],
      ["POST", org("/flows"), { name: "Flow", description: "a\u0000b" }, "description"],
      ["POST", org(`/conversations/${ids.conversation}/notes`), { body: "note\u0000" }, "body"],
      ["PATCH", org(), { name: "Acme\u0000" }, "name"],
      ["PATCH", org(`/contacts/${ids.contact}`), { name: "Jo\ud800ão" }, "name"],
      ["PATCH", org(`/contacts/${ids.contact}`), { attributes: { city: "São\u0000Paulo" } }, "attributes.city"],
    ];
    const audit = await auditCount();
    for (const [method, path, body, field] of cases) {
      const res = await owner.client.request<{ error: { code: string; message: string; issues: { path: string }[] } }>(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(422);
      expect(res.body.error.code).toBe("invalid_input");
      expect(res.body.error.issues[0].path).toBe(field);
      expect(res.body.error.message.startsWith(`${field}: `)).toBe(true);
    }
    expect(await auditCount()).toBe(audit);
    const contact = await owner.client.get<{ contact: { name: string | null } }>(org(`/contacts/${ids.contact}`));
    expect(JSON.stringify(contact.body)).not.toContain("\\u0000");
  });
});

describe("sign-in and URLs", () => {
  it("sign-in with a JSON content type and malformed JSON is a 400; a NUL in the e-mail is a 422; sign-in still works", async () => {
    const anon = new HttpClient(baseUrl);
    const malformed = await anon.request("POST", "/api/auth/callback/credentials", "{not json", { "content-type": "application/json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: "bad_request" } });
    const csrf = await anon.get<{ csrfToken: string }>("/api/auth/csrf");
    const nul = await anon.request("POST", "/api/auth/callback/credentials", new URLSearchParams({ csrfToken: csrf.body.csrfToken, email: `${owner.email}\u0000`, password: PASSWORD, json: "true" }).toString(), {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(nul.status).toBe(422);
    await new HttpClient(baseUrl).signIn(owner.email, PASSWORD);
  });

  it("a path whose percent-encoding does not decode is a 400 before Next: JSON under /api, text elsewhere", async () => {
    const page = await fetch(`${baseUrl}/%ff`);
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toMatch(/^text\/plain/);
    for (const path of ["/api/webhooks/whatsapp/%ff%fe", "/api/v1/orgs/%ff", "/api/webhooks/whatsapp/%ED%A0%80"]) {
      const res = await fetch(`${baseUrl}${path}`, { method: "POST", body: "{}" });
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "bad_request" } });
    }
  });
});

describe("list endpoints return bounded summaries", () => {
  it("GET …/events lists a preview of each payload; GET …/events/{id} has the payload; another organization gets 404", async () => {
    const sent = await owner.client.post<{ eventId: string }>(org("/events/test"));
    expect(sent.status).toBe(201);
    const list = await owner.client.get<{ events: Record<string, unknown>[] }>(org("/events?limit=200"));
    const listed = list.body.events.find((e) => e.id === sent.body.eventId)!;
    expect(listed).not.toHaveProperty("data");
    expect(listed.preview).toContain("Hello from Papo");
    expect(listed.dataChars).toBe((listed.preview as string).length);
    const one = await owner.client.get<{ event: { data: { message: string } } }>(org(`/events/${sent.body.eventId}`));
    expect(one.status).toBe(200);
    expect(one.body.event.data.message).toBe("Hello from Papo");
    const other = await signUpOwner(baseUrl, "Other Events Org");
    expect((await other.client.get(`/api/v1/orgs/${other.orgSlug}/events/${sent.body.eventId}`)).status).toBe(404);
  });

  it("a contact holds at most 50 attributes, so neither it nor the audit entry of its change grows without bound", async () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v".repeat(1000)]));
    const res = await owner.client.patch(org(`/contacts/${ids.contact}`), { attributes: many });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { issues: [{ path: "attributes" }] } });
  });

  it("a JSON body over the cap is a 413", async () => {
    const res = await owner.client.post(org("/tags"), { name: "x".repeat(6 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: "payload_too_large" } });
  });
});
