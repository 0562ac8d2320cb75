import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { functions, inngest } from "@/inngest";
import { POST as postConnection, GET as listConnectionsRoute } from "@/app/api/v1/orgs/[orgSlug]/integrations/route";
import { PATCH as patchConnection } from "@/app/api/v1/orgs/[orgSlug]/integrations/[connectionId]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { setFlowRuntimeSettings } from "@/lib/flows/runtime/flow-runtime-settings";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { createOrgWithChannel, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { createPublishedFlow, customerSays, newCustomer, waitForReplies } from "../flows/flow-helpers";

const SECRET = "erp-secret-9f8e7d6c5b4a";
const node = (id: string, type: string, data: unknown = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, target: string, sourceHandle = "next") => ({ id: `${source}-${sourceHandle}-${target}`, source, target, sourceHandle });

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let ch: TestChannel;
let erp: http.Server;
let erpUrl: string;
let token: string;
const seen: { url?: string; authorization?: string; tenant?: string }[] = [];

beforeAll(async () => {
  mock = await startGraphMock({ accessToken: "EAAGtest-access-token-000000000000" });
  process.env.META_GRAPH_API_URL = mock.url;
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
  ch = await createOrgWithChannel("integrations");
  token = (await createApiKey(ch.ctx, { name: "admin", role: "admin" })).token;
  // The organization's own system: answers only with the right key.
  erp = http.createServer((req, res) => {
    seen.push({ url: req.url, authorization: req.headers.authorization, tenant: req.headers["x-tenant"] as string | undefined });
    res.setHeader("content-type", "application/json");
    if (req.headers.authorization !== `Bearer ${SECRET}`) {
      res.statusCode = 401;
      return void res.end(JSON.stringify({ error: "unauthorized" }));
    }
    res.end(JSON.stringify({ customer: { name: "Maria", path: req.url } }));
  });
  await new Promise<void>((r) => erp.listen(0, "127.0.0.1", r));
  erpUrl = `http://127.0.0.1:${(erp.address() as AddressInfo).port}`;
}, 240_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  erp?.closeAllConnections();
  await new Promise((r) => erp?.close(r));
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});

const params = <T>(p: T) => ({ params: Promise.resolve(p) });
const call = (handler: (req: Request, p: { params: Promise<Record<string, string>> }) => Promise<Response>, method: string, body: unknown, extra: Record<string, string> = {}) =>
  handler(
    new Request("http://localhost/x", { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }),
    params({ orgSlug: ch.ctx.org.slug, ...extra }) as never,
  );

describe("integrations: a named connection used by the flows' HTTP node", () => {
  it("the node names the connection; Papo adds the base URL and the secret header at call time, and the secret is stored nowhere but sealed", async () => {
    const created = await call(postConnection as never, "POST", { name: "erp", baseUrl: `${erpUrl}/api/`, headers: { authorization: `Bearer ${SECRET}`, "x-tenant": "acme" } });
    expect(created.status).toBe(201);
    const { connection } = await created.json();
    expect(connection).toMatchObject({ name: "erp", headerNames: ["authorization", "x-tenant"] });
    expect((await call(postConnection as never, "POST", { name: "erp", baseUrl: erpUrl })).status).toBe(409);
    const listed = await (await call(listConnectionsRoute as never, "GET", undefined)).json();
    expect(JSON.stringify(listed)).not.toContain(SECRET);

    const graph = {
      nodes: [
        node("s", "start", { triggers: [{ kind: "keyword", match: "exact", keywords: ["quem sou eu"] }] }),
        node("h", "http_request", { connection: "erp", url: "/customers/{{contact.phone}}", headers: [{ id: "x", name: "x-tenant", value: "forged" }], responseMappings: [{ id: "m", path: "customer.name", variable: "name" }, { id: "p", path: "customer.path", variable: "path" }] }),
        node("ok", "end", { message: "Você é {{name}} ({{path}})?" }),
        node("ko", "end", { message: "Não encontrei seu cadastro" }),
      ],
      edges: [edge("s", "h"), edge("h", "ok", "success"), edge("h", "ko", "failure")],
    };
    await createPublishedFlow(ch.organizationId, graph);

    // The private-address guard still applies: the ERP here is on loopback, so it is blocked until allowed.
    const blocked = newCustomer();
    await customerSays(ch, blocked, "quem sou eu");
    expect(await waitForReplies(mock, blocked, 1, 90_000)).toEqual(["Não encontrei seu cadastro"]);
    expect(seen).toEqual([]);

    await setFlowRuntimeSettings(ch.organizationId, { allowPrivateHttp: true, ai: null });
    const customer = newCustomer();
    await customerSays(ch, customer, "quem sou eu");
    const [reply] = await waitForReplies(mock, customer, 1, 90_000);
    expect(reply).toMatch(/^Você é Maria \(\/api\/customers\/(%2B)?\d+\)\?$/);
    // The connection's headers win over the node's own (a flow cannot forge the tenant).
    expect(seen.at(-1)).toMatchObject({ authorization: `Bearer ${SECRET}`, tenant: "acme" });

    // The secret is in no flow, version, session, run, step or event: only sealed in integration_connections.
    for (const table of ["flows", "flow_versions", "flow_sessions", "inngest_runs", "inngest_steps", "inngest_events", "messages", "audit_log"]) {
      const rows = (await getDb().execute(sql.raw(`select count(*)::int as n from ${table} t where t::text like '%${SECRET}%'`))) as unknown;
      const n = Number(((Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows)[0] as { n: number }).n);
      expect(n, table).toBe(0);
    }
    const sealed = (await getDb().execute(sql`select count(*)::int as n from integration_connections t where t::text like ${`%${SECRET}%`}`)) as unknown;
    expect(Number(((Array.isArray(sealed) ? sealed : (sealed as { rows: { n: number }[] }).rows)[0] as { n: number }).n)).toBe(0);

    // A renamed connection: the flow's name no longer resolves, so the node fails rather than calling anything.
    expect((await call(patchConnection as never, "PATCH", { name: "erp_v2" }, { connectionId: connection.id })).status).toBe(200);
    const before = seen.length;
    const third = newCustomer();
    await customerSays(ch, third, "quem sou eu");
    expect(await waitForReplies(mock, third, 1, 90_000)).toEqual(["Não encontrei seu cadastro"]);
    expect(seen.length).toBe(before);
  }, 400_000);
});
