import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ZodType } from "zod";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

/**
 * The OpenAPI document against the route tree: every exported method of every app/api/v1 route.ts is documented
 * (and nothing else is), and each handler validates its body with exactly the schema object the document was
 * generated from. The second part calls every POST/PUT/PATCH handler with the guard let through and readJson
 * replaced by a spy that records the schema it was handed, so a handler that validates with another schema, or
 * reads a body its description does not declare, fails here.
 */

const seen = vi.hoisted(() => ({ schemas: [] as unknown[], forms: 0 }));
// An expected error, so the guard answers 400 and nothing is logged as unexpected.
const bodyRead = async () => new (await import("@/lib/errors")).AppError("bad_request", "body read");

vi.mock("@/lib/api/read-json", () => ({
  readJson: async (_req: Request, schema: unknown) => {
    seen.schemas.push(schema);
    throw await bodyRead();
  },
}));
vi.mock("@/lib/api/read-form", () => ({
  readForm: async () => {
    seen.forms++;
    throw await bodyRead();
  },
}));
// The sandbox routes find their channel before reading the body.
vi.mock("@/lib/sandbox/get-sandbox-channel", () => ({ getSandboxChannelOrThrow: async () => ({ id: "00000000-0000-4000-8000-0000000000bb" }) }));
vi.mock("@/lib/auth/actor", () => ({ resolveActor: async () => ({ type: "user", userId: "00000000-0000-4000-8000-000000000001" }) }));
vi.mock("@/lib/auth/assert-same-origin", () => ({ assertSameOrigin: () => undefined }));
vi.mock("@/lib/auth/org-context", () => ({
  loadOrgContext: async (actor: unknown, slug: string) => ({
    org: { id: "00000000-0000-4000-8000-000000000002", slug, name: "Acme" },
    role: "owner",
    actor,
    userId: "00000000-0000-4000-8000-000000000001",
    can: () => true,
    authorize: () => undefined,
  }),
}));
vi.mock("@/lib/api/rate-limit-policies", () => {
  const state = { limited: false, limit: 1, remaining: 1, resetSeconds: 1, retryAfter: 0 };
  return { limitApiKey: async () => state, limitPublic: async () => state };
});
vi.mock("@/lib/api/run-idempotent", () => ({
  runIdempotent: async (_org: string, _key: string | null, _request: unknown, run: (k: string) => Promise<unknown>) => run("request:test"),
}));

const V1 = path.join(process.cwd(), "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type RouteFile = { file: string; apiPath: string; params: Record<string, string> };

function routeFiles(dir = V1): RouteFile[] {
  const out: RouteFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeFiles(full));
    else if (entry.name === "route.ts") {
      const rel = path.relative(V1, dir).split(path.sep).filter(Boolean);
      const params: Record<string, string> = {};
      const segments = rel.map((s) => {
        const m = /^\[(.+)\]$/.exec(s);
        if (!m) return s;
        params[m[1]] = m[1] === "orgSlug" ? "acme" : m[1] === "version" ? "1" : m[1] === "token" ? "token" : m[1] === "name" ? "greeting" : "00000000-0000-4000-8000-0000000000aa";
        return `{${m[1]}}`;
      });
      out.push({ file: full, apiPath: ["/api/v1", ...segments].join("/"), params });
    }
  }
  return out;
}

let db: TestDatabase;
let described: Map<string, { body?: ZodType; multipart?: boolean }>;

beforeAll(async () => {
  db = await createTestDatabase();
  const { routeAreas } = await import("@/lib/api/openapi/registry");
  described = new Map(routeAreas.flatMap((a) => a.routes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const)));
});
afterAll(async () => db.drop());

describe("OpenAPI document: covers the v1 route tree, with the handlers' own body schemas", () => {
  it("documents every exported method of every route, and nothing that does not exist", async () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThan(100);
    const exported = new Set<string>();
    for (const route of routes) {
      const mod = (await import(route.file)) as Record<string, unknown>;
      for (const m of METHODS) if (typeof mod[m] === "function") exported.add(`${m} ${route.apiPath}`);
    }
    const missing = [...exported].filter((k) => !described.has(k));
    const stale = [...described.keys()].filter((k) => !exported.has(k));
    expect(missing, "routes missing from lib/api/openapi/*").toEqual([]);
    expect(stale, "documented routes that do not exist").toEqual([]);

    const { buildOpenApiDocument } = await import("@/lib/api/openapi/build-openapi-document");
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const inDocument = Object.entries(doc.paths ?? {}).flatMap(([p, item]) => METHODS.filter((m) => (item as Record<string, unknown>)[m.toLowerCase()]).map((m) => `${m} ${p}`));
    expect(inDocument.sort()).toEqual([...exported].sort());
  }, 240_000);

  it("every POST, PUT and PATCH handler validates its body with the documented schema object", async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routeFiles()) {
      const mod = (await import(route.file)) as Record<string, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
      for (const method of ["POST", "PUT", "PATCH"] as const) {
        if (typeof mod[method] !== "function") continue;
        const key = `${method} ${route.apiPath}`;
        const description = described.get(key);
        seen.schemas = [];
        seen.forms = 0;
        const url = `http://localhost${route.apiPath.replace(/\{(\w+)\}/g, (_, p: string) => route.params[p])}`;
        await mod[method](new Request(url, { method, body: "{}", headers: { "content-type": "application/json" } }), { params: Promise.resolve(route.params) });
        checked++;
        if (description?.body) {
          if (seen.schemas.length !== 1 || seen.schemas[0] !== description.body) mismatches.push(`${key}: the handler does not read its body with the documented schema`);
        } else if (seen.schemas.length) mismatches.push(`${key}: reads a JSON body its description does not declare`);
        if (Boolean(description?.multipart) !== seen.forms > 0) mismatches.push(`${key}: multipart upload ${seen.forms ? "not documented" : "documented but not read"}`);
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(mismatches).toEqual([]);
  }, 240_000);
});
