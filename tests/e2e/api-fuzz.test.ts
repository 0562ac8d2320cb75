import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { addMemberViaInvitation, createApiKey, signUpOwner, uniqueEmail, type ApiResponse, type SignedUp } from "../support/http-client";

/**
 * Hostile input against EVERY v1 route handler. The routes are read from app/api/v1 (each route.ts and the methods
 * it exports), so a new route is fuzzed without anyone adding it here — it only needs a fixture for a new kind of
 * path parameter (the test fails naming it). Every answer must be a 4xx `{ error: { code, message } }`, never a
 * 5xx, and nothing may be written: the audit log and the organization's lists are the same before and after.
 * Seeded (fast-check) and bounded: a few generated bodies per route.
 */

const SEED = 20261203;
const API_ROOT = path.join(process.cwd(), "app/api/v1");

type Route = { file: string; template: string; methods: string[]; readsBody: "json" | "form" | null };

function discoverRoutes(): Route[] {
  const out: Route[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const methods = new Set<string>();
        for (const m of source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]);
        for (const m of source.matchAll(/export \{([^}]*)\}/g)) for (const n of m[1].matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(n[1]);
        const rel = path.relative(API_ROOT, path.dirname(full)).split(path.sep).join("/");
        out.push({
          file: path.relative(process.cwd(), full),
          template: `/api/v1${rel ? `/${rel}` : ""}`,
          methods: [...methods],
          readsBody: source.includes("readJson(") ? "json" : source.includes("readForm(") ? "form" : null,
        });
      }
    }
  };
  walk(API_ROOT);
  return out.sort((a, b) => a.template.localeCompare(b.template));
}

const routes = discoverRoutes();
let baseUrl: string;
let owner: SignedUp;
const fixtures: Record<string, string> = {};

/** Strings Postgres or UTF-8 cannot hold, and sizes no field allows. */
const NUL = "\u0000";
const LONE = "\ud800";
const FIELD_NAMES = ["name", "body", "text", "email", "role", "value", "status", "description", "shortcut", "caption", "tagId", "priority", "owner", "message", "customer", "graph", "attributes", "organizationName", "password", "displayPhoneNumber"];

const badString = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(NUL, LONE, "\udfff", `a${NUL}b`, `${LONE}${LONE}`), fc.string({ maxLength: 20 }))
  .map(([a, bad, b]) => a + bad + b);
/** An object of plausible field names with arbitrary JSON, and one bad string somewhere in it (a value, nested, or a key). */
const bodyWithBadText = fc
  .tuple(fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }), fc.constantFrom(...FIELD_NAMES), badString, fc.constantFrom("value", "nested", "array", "key"))
  .map(([obj, key, bad, where]) => {
    if (where === "value") return { ...obj, [key]: bad };
    if (where === "nested") return { ...obj, [key]: { inner: { deeper: bad } } };
    if (where === "array") return { ...obj, [key]: ["ok", bad] };
    return { ...obj, [bad]: "value" };
  });

/** Every plausible field present, each with a type no field of that name takes (so no schema finds what it needs). */
const bodyWithWrongTypes = fc.record(
  Object.fromEntries(
    FIELD_NAMES.map((k) => [k, fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }))]),
  ),
);

const OVERSIZE = Object.fromEntries(FIELD_NAMES.map((k) => [k, "x".repeat(70_000)]));

function fill(template: string, override?: { param: string; value: string }): string {
  return template.replace(/\[([^\]]+)\]/g, (_, param: string) => {
    if (override?.param === param) return override.value;
    const value = fixtures[param];
    if (value === undefined) throw new Error(`No fixture for the path parameter [${param}]: add one in api-fuzz.test.ts's beforeAll`);
    return encodeURIComponent(value);
  });
}

async function send(method: string, url: string, body?: string | FormData, contentType = "application/json"): Promise<ApiResponse<{ error?: { code?: unknown; message?: unknown } }>> {
  // Origin as a browser on this site would send it: the fuzz is about bodies, not cross-site requests.
  const headers: Record<string, string> = { origin: baseUrl };
  if (typeof body === "string") headers["content-type"] = contentType;
  return owner.client.request(method, url, body, headers);
}

const failures: string[] = [];
let requests = 0;

/** Every hostile request must be a 4xx with the JSON error shape; collected so one run reports every route at once. */
function check(label: string, res: ApiResponse<{ error?: { code?: unknown; message?: unknown } }>) {
  requests++;
  const ok = res.status >= 400 && res.status < 500 && typeof res.body?.error?.code === "string" && typeof res.body?.error?.message === "string";
  if (!ok) failures.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
}

/** What must not change: the audit log's newest entries and the organization's resources. */
async function snapshot(): Promise<string> {
  const org = `/api/v1/orgs/${owner.orgSlug}`;
  const paths = [
    `${org}/audit-log?limit=200`,
    org,
    `${org}/channels`,
    `${org}/canned-replies`,
    `${org}/departments`,
    `${org}/tags`,
    `${org}/segments`,
    `${org}/flows`,
    `${org}/flow-globals`,
    `${org}/flow-settings`,
    `${org}/integrations`,
    `${org}/sms-gateway`,
    `${org}/appointments`,
    `${org}/appointments/settings`,
    `${org}/api-keys`,
    `${org}/invitations`,
    `${org}/members`,
    `${org}/contacts/${fixtures.contactId}`,
    `${org}/contacts?limit=100`,
    `${org}/contact-fields`,
    `${org}/lifecycle-stages`,
    `${org}/consent-settings`,
    "/api/v1/me",
    "/api/v1/orgs",
  ];
  const parts: unknown[] = [];
  for (const p of paths) {
    const res = await owner.client.get(p);
    expect(res.status, p).toBe(200);
    parts.push(res.body);
  }
  // Presence and last-seen timestamps move on their own; drop the fields that change without a write.
  return JSON.stringify(parts, (key, value) => (/^(lastSeenAt|lastActiveAt|updatedAt|presence|online)$/.test(key) ? undefined : value));
}

beforeAll(async () => {
  baseUrl = inject("baseUrl");
  owner = await signUpOwner(baseUrl, "Fuzz Org");
  const org = (p = "") => `/api/v1/orgs/${owner.orgSlug}${p}`;
  const must = async <T>(res: Promise<ApiResponse<T>>, status: number): Promise<T> => {
    const r = await res;
    if (r.status !== status) throw new Error(`fixture failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  fixtures.orgSlug = owner.orgSlug;
  fixtures.channelId = (await must(owner.client.post<{ channel: { id: string } }>(org("/channels"), { provider: "sandbox", name: "Fuzz", displayPhoneNumber: "+5511912345678" }), 201)).channel.id;
  const sent = await must(
    owner.client.post<{ message: { waMessageId: string } }>(org(`/sandbox/${fixtures.channelId}/customer-messages`), { customer: { name: "Fuzz Customer", phone: "+5511987650077" }, message: { type: "text", body: "Oi" } }),
    201,
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    const chat = await owner.client.get<{ messages: { id: string; waMessageId: string; conversationId: string }[] }>(org(`/sandbox/${fixtures.channelId}/chat?phone=5511987650077`));
    const stored = chat.body.messages?.find((m) => m.waMessageId === sent.message.waMessageId);
    if (stored) {
      fixtures.conversationId = stored.conversationId;
      fixtures.messageId = stored.id;
      break;
    }
    if (Date.now() > deadline) throw new Error("the sandbox customer's message was never stored");
    await new Promise((r) => setTimeout(r, 100));
  }
  const detail = await must(owner.client.get<{ conversation: { contact: { id: string } } }>(org(`/conversations/${fixtures.conversationId}`)), 200);
  fixtures.contactId = detail.conversation.contact.id;
  fixtures.fieldId = (await must(owner.client.post<{ field: { id: string } }>(org("/contact-fields"), { key: "fuzz_field", label: "Fuzz", type: "text" }), 201)).field.id;
  fixtures.stageId = (await must(owner.client.get<{ stages: { id: string }[] }>(org("/lifecycle-stages")), 200)).stages[0].id;
  fixtures.tagId = (await must(owner.client.post<{ tag: { id: string } }>(org("/tags"), { name: "fuzz" }), 201)).tag.id;
  {
    const form = new FormData();
    form.set("channelId", fixtures.channelId);
    form.set("file", new Blob(["phone,name\n+5511987650099,Fuzz\n"], { type: "text/csv" }), "fuzz.csv");
    fixtures.importId = (await must(owner.client.request<{ import: { id: string } }>("POST", org("/contact-imports"), form), 201)).import.id;
  }
  fixtures.segmentId = (await must(owner.client.post<{ segment: { id: string } }>(org("/segments"), { name: "Fuzz segment", filter: { consent: ["opted_in"] } }), 201)).segment.id;
  fixtures.departmentId = (await must(owner.client.post<{ department: { id: string } }>(org("/departments"), { name: "Fuzz dept" }), 201)).department.id;
  fixtures.cannedReplyId = (await must(owner.client.post<{ cannedReply: { id: string } }>(org("/canned-replies"), { shortcut: "fuzz", body: "Hello" }), 201)).cannedReply.id;
  fixtures.flowId = (await must(owner.client.post<{ flow: { id: string } }>(org("/flows"), { name: "Fuzz flow" }), 201)).flow.id;
  fixtures.version = "1";
  fixtures.name = (await must(owner.client.post<{ global: { name: string } }>(org("/flow-globals"), { name: "fuzz_global", value: "x" }), 201)).global.name;
  const invitation = await must(owner.client.post<{ invitation: { id: string }; url: string }>(org("/invitations"), { email: uniqueEmail("fuzz"), role: "agent" }), 201);
  fixtures.invitationId = invitation.invitation.id;
  fixtures.token = invitation.url.split("/invite/")[1];
  const member = await addMemberViaInvitation(owner, "agent");
  const members = await must(owner.client.get<{ members: { id: string; email: string }[] }>(org("/members")), 200);
  fixtures.membershipId = members.members.find((m) => m.email === member.email)!.id;
  await createApiKey(owner, "viewer");
  fixtures.apiKeyId = (await must(owner.client.get<{ apiKeys: { id: string }[] }>(org("/api-keys")), 200)).apiKeys[0].id;
  fixtures.eventId = (await must(owner.client.post<{ eventId: string }>(org("/events/test")), 201)).eventId;
  for (;;) {
    const runs = await owner.client.get<{ runs: { id: string; eventId: string }[] }>(org("/runs?limit=50"));
    const run = runs.body.runs?.find((r) => r.eventId === fixtures.eventId);
    if (run) {
      fixtures.runId = run.id;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await must(owner.client.post(org(`/channels/${fixtures.channelId}/templates/sync`), {}), 202);
  for (;;) {
    const list = await owner.client.get<{ templates: { id: string }[] }>(org("/templates"));
    if (list.body.templates?.length) {
      fixtures.templateId = list.body.templates[0].id;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // No attachment exists in this organization: a well-formed id that names nothing still exercises the route.
  fixtures.attachmentId = "00000000-0000-4000-8000-000000000000";
  // No API lists webhook rows yet (the webhook log is to come): a well-formed id that names nothing (404 path).
  fixtures.webhookEventId = "00000000-0000-4000-8000-000000000001";
  // A notification (any outbound message) and a notifications batch of this organization (issue #13).
  fixtures.notificationId = (await must(owner.client.post<{ notification: { id: string } }>(org("/notifications"), { to: "+5511987650077", channelId: fixtures.channelId, text: "Olá" }), 202)).notification.id;
  fixtures.connectionId = (await must(owner.client.post<{ connection: { id: string } }>(org("/integrations"), { name: "fuzz-erp", baseUrl: "https://erp.example.com/api" }), 201)).connection.id;
  fixtures.batchId = (await must(owner.client.post<{ batch: { id: string } }>(org("/notifications/batch"), { channelId: fixtures.channelId, items: [{ to: "+5511987650077", text: "Olá" }] }), 202)).batch.id;
  // An appointment of this organization (lib/appointments).
  fixtures.appointmentId = (
    await must(
      owner.client.post<{ appointment: { id: string } }>(org("/appointments"), { to: "+5511987650077", channelId: fixtures.channelId, startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), timeZone: "America/Sao_Paulo" }),
      201,
    )
  ).appointment.id;
}, 120_000);

describe("API fuzz: every v1 route answers hostile input with a 4xx and writes nothing", () => {
  it("discovers the routes from app/api/v1", () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.filter((r) => r.readsBody).length).toBeGreaterThan(25);
    for (const r of routes) expect(r.methods.length, r.file).toBeGreaterThan(0);
  });

  it("malformed JSON, wrong types, empty bodies, NUL, lone surrogates, oversize strings, bad path parameters", async () => {
    const before = await snapshot();
    const started = Date.now();

    // Every request is independent (the check is its own answer; the snapshot is compared once at the end), so
    // they run a few at a time.
    const cases: { label: string; method: string; url: string; body?: string | (() => FormData) }[] = [];
    for (const route of routes) {
      for (const method of route.methods) {
        const url = fill(route.template);
        const add = (what: string, body?: string | (() => FormData), target = url) => cases.push({ label: `${method} ${route.template} [${what}]`, method, url: target, body });

        if (route.readsBody === "json" && method !== "GET" && method !== "DELETE") {
          for (const raw of ["{not json", "", '{"name":', "\u0000", "[1,2", '{"a":"\\ud8"}']) add(`malformed ${JSON.stringify(raw)}`, raw);
          for (const wrong of ["[]", "5", '"text"', "null", "true", '[{"name":"x"}]']) add(`wrong type ${wrong}`, wrong);
          if (method === "PATCH") {
            add("PATCH {}", "{}");
            add("PATCH unknown keys only", JSON.stringify({ unknownField: 1, another: "x" }));
          }
          add("oversize strings", JSON.stringify(OVERSIZE));
          for (const body of fc.sample(bodyWithWrongTypes, { seed: SEED + cases.length, numRuns: 3 })) add(`wrong field types ${JSON.stringify(body).slice(0, 80)}`, JSON.stringify(body));
          for (const body of fc.sample(bodyWithBadText, { seed: SEED + cases.length, numRuns: 4 })) add(`bad text ${JSON.stringify(body).slice(0, 80)}`, JSON.stringify(body));
        }
        if (route.readsBody === "form" && method === "POST") {
          add("JSON instead of multipart", JSON.stringify({ caption: "x" }));
          add("multipart without a file", () => {
            const form = new FormData();
            form.set("caption", "hello");
            return form;
          });
          add("NUL in a multipart field", () => {
            const form = new FormData();
            form.set("file", new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" }), "a.png");
            form.set("caption", `bad${NUL}caption`);
            form.set("name", `bad${NUL}name`);
            form.set("phone", "+5511987650077");
            return form;
          });
        }

        // Hostile path parameters, one at a time (the others are real): nothing to find, or refused before Next.
        const params = [...route.template.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
        for (const param of params) {
          for (const value of ["not-an-id", "00000000-0000-4000-8000-000000000000", "z".repeat(3000), params.indexOf(param) % 2 ? "%00" : "%ff"]) {
            add(`[${param}]=${value.slice(0, 20)}`, method === "GET" || method === "DELETE" ? undefined : "{}", fill(route.template, { param, value }));
          }
        }
      }
    }
    const queue = [...cases];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) check(c.label, await send(c.method, c.url, typeof c.body === "function" ? c.body() : c.body));
      }),
    );

    const after = await snapshot();
    console.log(`api fuzz: ${routes.length} route files, ${requests} hostile requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(failures).toEqual([]);
    expect(after).toBe(before);
  }, 300_000);

  it("a NUL in any query parameter of a list route is a 422 naming the parameter; odd values never make a 500", async () => {
    for (const route of routes.filter((r) => r.methods.includes("GET"))) {
      const url = fill(route.template);
      const nul = await send("GET", `${url}?q=a%00b&limit=10`);
      expect(nul.status, route.template).toBe(422);
      expect(nul.body).toMatchObject({ error: { code: "invalid_input", message: expect.stringMatching(/^q: /) } });
      const odd = await send("GET", `${url}?limit=-1&before=${"z".repeat(600)}&cursor=%%%&status=%F0%9F%98%80&after=1e400&phone=${"9".repeat(40)}&q=${"%C3%A7".repeat(1000)}`);
      expect(odd.status, `${route.template} ${JSON.stringify(odd.body).slice(0, 200)}`).toBeLessThan(500);
    }
  });
});
