import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { apiKeys, cannedReplies, departments, tags } from "@/db/schema";
import { GET as getContacts } from "@/app/api/v1/orgs/[orgSlug]/contacts/route";
import { POST as postDepartment } from "@/app/api/v1/orgs/[orgSlug]/departments/route";
import { GET as getApiKeys, POST as postApiKey } from "@/app/api/v1/orgs/[orgSlug]/api-keys/route";
import { POST as postCannedReply } from "@/app/api/v1/orgs/[orgSlug]/canned-replies/route";
import { GET as getTags, POST as postTag } from "@/app/api/v1/orgs/[orgSlug]/tags/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { loadOrgContext } from "@/lib/auth/org-context";
import { resetEnvForTests } from "@/lib/env";
import { signUp } from "@/lib/users/sign-up";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Handler = (req: Request, ctx: { params: Promise<{ orgSlug: string }> }) => Promise<Response>;

let db: TestDatabase;
let slug: string;
let owner: Awaited<ReturnType<typeof loadOrgContext>>;

beforeAll(async () => {
  db = await createTestDatabase();
  const { user, organization } = await signUp({ name: "Owner", email: "platform-owner@example.test", password: "password123", organizationName: "Platform" });
  slug = organization.slug;
  owner = await loadOrgContext({ type: "user", userId: user.id }, slug);
}, 60_000);
afterAll(async () => {
  delete process.env.PAPO_RATE_LIMIT_API_KEY;
  resetEnvForTests();
  await db?.drop();
});

async function call(handler: Handler, token: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers };
  const req = new Request(`http://localhost/api/v1/orgs/${slug}/x`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const res = await handler(req, { params: Promise.resolve({ orgSlug: slug }) });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

const keyWith = async (input: { scopes?: string[]; expiresAt?: string }) =>
  (await createApiKey(owner, { name: "test", role: "admin", ...input } as Parameters<typeof createApiKey>[1])).token;

describe("API keys: scopes and expiry", () => {
  it("a key acts within its scopes: contacts:read reads contacts, and a tag write is a 403 insufficient_scope", async () => {
    const token = await keyWith({ scopes: ["contacts:read"] });
    expect((await call(getContacts, token)).status).toBe(200);
    const refused = await call(postTag, token, { method: "POST", body: { name: "vip" } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "insufficient_scope", message: "This API key lacks the scope conversations:write" });
    expect(await getDb().select().from(tags).where(eq(tags.organizationId, owner.org.id))).toHaveLength(0);
    // A scope never grants what the role does not: a viewer key with conversations:write still cannot create a tag.
    const viewer = await createApiKey(owner, { name: "viewer", role: "viewer", scopes: ["conversations:read", "conversations:write"] });
    expect((await call(getTags, viewer.token)).status).toBe(200);
    const notByRole = await call(postTag, viewer.token, { method: "POST", body: { name: "vip" } });
    expect(notByRole.status).toBe(403);
    expect(notByRole.body.error.code).toBe("forbidden");
  });

  it("POST api-keys takes scopes and an expiry, refuses an unknown scope or a past expiry, and lists what it made", async () => {
    const { token } = await createApiKey(owner, { name: "root", role: "owner" });
    const bad = await call(postApiKey, token, { method: "POST", body: { name: "x", role: "agent", scopes: ["everything:write"] } });
    expect(bad.status).toBe(422);
    const past = await call(postApiKey, token, { method: "POST", body: { name: "x", role: "agent", expiresAt: "2020-01-01T00:00:00Z" } });
    expect(past.status).toBe(422);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const made = await call(postApiKey, token, { method: "POST", body: { name: "crm", role: "agent", scopes: ["contacts:read", "contacts:write"], expiresAt } });
    expect(made.status).toBe(201);
    expect(made.body.apiKey).toMatchObject({ name: "crm", scopes: ["contacts:read", "contacts:write"], expiresAt });
    const listed = (await call(getApiKeys, token)).body.apiKeys.find((k: Json) => k.name === "crm");
    expect(listed).toMatchObject({ scopes: ["contacts:read", "contacts:write"], expiresAt, lastUsedAt: null });
    expect(listed.token).toBeUndefined();
  });

  it("an expired key is a 401 api_key_expired; before its expiry it works", async () => {
    const token = await keyWith({ expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await call(getContacts, token)).status).toBe(200);
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.organizationId, owner.org.id)).orderBy(apiKeys.createdAt);
    await getDb()
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.prefix, token.slice(0, row.prefix.length)));
    const expired = await call(getContacts, token);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("api_key_expired");
  });
});

describe("Idempotency-Key on creating POSTs", () => {
  const cases: { name: string; handler: Handler; body: unknown; other: unknown; count: () => Promise<number> }[] = [
    { name: "tags", handler: postTag, body: { name: "gold" }, other: { name: "silver" }, count: async () => (await getDb().select().from(tags).where(eq(tags.organizationId, owner.org.id))).length },
    {
      name: "canned replies",
      handler: postCannedReply,
      body: { shortcut: "hello", title: "Hello", body: "Hi there!" },
      other: { shortcut: "bye", title: "Bye", body: "Bye!" },
      count: async () => (await getDb().select().from(cannedReplies).where(eq(cannedReplies.organizationId, owner.org.id))).length,
    },
    {
      name: "departments",
      handler: postDepartment,
      body: { name: "Sales" },
      other: { name: "Support" },
      count: async () => (await getDb().select().from(departments).where(eq(departments.organizationId, owner.org.id))).length,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: a replay gets the first answer and creates nothing; another body with the key is a 422`, async () => {
      const token = await keyWith({});
      const before = await c.count();
      const key = `create-${c.name.replace(/ /g, "-")}-1`;
      const first = await call(c.handler, token, { method: "POST", body: c.body, headers: { "idempotency-key": key } });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      const again = await call(c.handler, token, { method: "POST", body: c.body, headers: { "idempotency-key": key } });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(await c.count()).toBe(before + 1);

      const reused = await call(c.handler, token, { method: "POST", body: c.other, headers: { "idempotency-key": key } });
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe("idempotency_key_reused");
      expect(await c.count()).toBe(before + 1);
    });
  }

  it("two requests with one key at the same time create one tag and both get its answer", async () => {
    const token = await keyWith({});
    const before = (await getDb().select().from(tags).where(eq(tags.organizationId, owner.org.id))).length;
    const send = () => call(postTag, token, { method: "POST", body: { name: "bronze" }, headers: { "idempotency-key": "concurrent-1" } });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect((await getDb().select().from(tags).where(eq(tags.organizationId, owner.org.id))).length).toBe(before + 1);
  });
});

describe("Errors in the caller's language", () => {
  it("Accept-Language: pt-BR translates the message of the code; English keeps the specific one", async () => {
    const token = await keyWith({ scopes: ["contacts:read"] });
    const pt = await call(postTag, token, { method: "POST", body: { name: "x" }, headers: { "accept-language": "pt-BR,pt;q=0.9" } });
    expect(pt.status).toBe(403);
    expect(pt.body.error).toEqual({ code: "insufficient_scope", message: "Esta chave de API não tem o escopo que esta ação exige." });
    const invalid = await call(postTag, await keyWith({}), { method: "POST", body: { name: "" }, headers: { "accept-language": "pt-BR" } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.message).toBe("Alguns campos não são válidos: veja a lista de problemas.");
    expect(invalid.body.error.issues[0].path).toBe("name");
    const en = await call(postTag, token, { method: "POST", body: { name: "x" }, headers: { "accept-language": "en-US" } });
    expect(en.body.error.message).toBe("This API key lacks the scope conversations:write");
  });
});

describe("Rate limit per API key", () => {
  it("past the limit a key gets 429 with Retry-After and RateLimit-* headers; another key is not affected", async () => {
    process.env.PAPO_RATE_LIMIT_API_KEY = "3";
    resetEnvForTests();
    try {
      const token = await keyWith({});
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await call(getContacts, token));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers[0].headers.get("ratelimit-limit")).toBe("3");
      expect(answers[0].headers.get("ratelimit-remaining")).toBe("2");
      const limited = answers[3];
      expect(limited.body.error.code).toBe("rate_limited");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.headers.get("ratelimit-remaining")).toBe("0");
      expect((await call(getContacts, await keyWith({}))).status).toBe(200);
    } finally {
      delete process.env.PAPO_RATE_LIMIT_API_KEY;
      resetEnvForTests();
    }
  });
});
