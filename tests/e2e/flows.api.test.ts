import { beforeAll, describe, expect, inject, it } from "vitest";
import { HttpClient, addMemberViaInvitation, createApiKey, signUpOwner, type SignedUp } from "../support/http-client";
import { greetingGraph } from "../integration/flows/greeting-graph";

type Role = "owner" | "admin" | "agent" | "viewer";
const roles: Role[] = ["owner", "admin", "agent", "viewer"];
const managers: Role[] = ["owner", "admin"];

type FlowBody = { flow: { id: string; name: string; status: string; publishedVersion: number | null } };
type DraftBody = { draft: { revision: string; graph: unknown } };

let baseUrl: string;
let owner: SignedUp;
let other: SignedUp;
const clients = {} as Record<Role, HttpClient>;
let flowId: string;

const org = (p = "") => `/api/v1/orgs/${owner.orgSlug}${p}`;

/** A fresh flow with a valid draft and one published version, so every route has something of its own to act on. */
async function newFlow(name = "Matrix flow"): Promise<string> {
  const created = await owner.client.post<FlowBody>(org("/flows"), { name });
  expect(created.status).toBe(201);
  const id = created.body.flow.id;
  const draft = await owner.client.get<DraftBody>(org(`/flows/${id}/draft`));
  const saved = await owner.client.patch<DraftBody>(org(`/flows/${id}/draft`), { graph: greetingGraph(), revision: draft.body.draft.revision });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect((await owner.client.post(org(`/flows/${id}/publish`))).status).toBe(201);
  return id;
}

async function revisionOf(id: string): Promise<string> {
  return (await owner.client.get<DraftBody>(org(`/flows/${id}/draft`))).body.draft.revision;
}

type Case = { name: string; allowed: Role[]; okStatus?: number; request: () => Promise<{ method: string; path: string; body?: unknown }> };

const cases: Case[] = [
  { name: "list flows", allowed: roles, request: async () => ({ method: "GET", path: org("/flows") }) },
  { name: "read a flow", allowed: roles, request: async () => ({ method: "GET", path: org(`/flows/${flowId}`) }) },
  { name: "read a draft", allowed: roles, request: async () => ({ method: "GET", path: org(`/flows/${flowId}/draft`) }) },
  { name: "list versions", allowed: roles, request: async () => ({ method: "GET", path: org(`/flows/${flowId}/versions`) }) },
  { name: "read node counters", allowed: roles, request: async () => ({ method: "GET", path: org(`/flows/${flowId}/stats`) }) },
  { name: "export a flow", allowed: roles, request: async () => ({ method: "GET", path: org(`/flows/${flowId}/export`) }) },
  { name: "create a flow", allowed: managers, okStatus: 201, request: async () => ({ method: "POST", path: org("/flows"), body: { name: "New" } }) },
  { name: "rename a flow", allowed: managers, request: async () => ({ method: "PATCH", path: org(`/flows/${flowId}`), body: { name: "Renamed" } }) },
  {
    name: "save a draft",
    allowed: managers,
    request: async () => ({ method: "PATCH", path: org(`/flows/${flowId}/draft`), body: { graph: greetingGraph(), revision: await revisionOf(flowId) } }),
  },
  { name: "publish", allowed: managers, okStatus: 201, request: async () => ({ method: "POST", path: org(`/flows/${flowId}/publish`), body: {} }) },
  { name: "restore a version", allowed: managers, request: async () => ({ method: "POST", path: org(`/flows/${flowId}/versions/1/restore`), body: {} }) },
  { name: "duplicate a flow", allowed: managers, okStatus: 201, request: async () => ({ method: "POST", path: org(`/flows/${flowId}/duplicate`), body: {} }) },
  {
    name: "import a flow",
    allowed: managers,
    okStatus: 201,
    request: async () => ({ method: "POST", path: org("/flows/import"), body: { format: "papo.flow", formatVersion: 1, name: "Imported", graph: greetingGraph() } }),
  },
  { name: "delete a flow", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/flows/${await newFlow()}`) }) },
];

beforeAll(async () => {
  baseUrl = inject("baseUrl");
  owner = await signUpOwner(baseUrl, "Flows Org");
  other = await signUpOwner(baseUrl, "Other Flows Org");
  clients.owner = owner.client;
  for (const role of ["admin", "agent", "viewer"] as const) clients[role] = owner.client.withApiKey(await createApiKey(owner, role));
  flowId = await newFlow("Shared flow");
});

describe("flows API: role × route", () => {
  for (const c of cases) {
    for (const role of roles) {
      const allowed = c.allowed.includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${c.name}`, async () => {
        const { method, path, body } = await c.request();
        const res = await clients[role].request(method, path, body);
        if (allowed) expect(res.status, JSON.stringify(res.body)).toBe(c.okStatus ?? 200);
        else {
          expect(res.status).toBe(403);
          expect(res.body).toMatchObject({ error: { code: "forbidden" } });
        }
      });
    }
  }
});

describe("flows API: tenancy", () => {
  for (const c of cases) {
    it(`another organization's owner cannot ${c.name} (404)`, async () => {
      const { method, path, body } = await c.request();
      const res = await other.client.request(method, path, body);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: "not_found" } });
    });
  }

  it("a flow id of organization A under organization B's own path is a 404, and never in B's list", async () => {
    const theirs = `/api/v1/orgs/${other.orgSlug}/flows`;
    for (const suffix of ["", "/draft", "/versions", "/stats", "/export"]) expect((await other.client.get(`${theirs}/${flowId}${suffix}`)).status, suffix).toBe(404);
    expect((await other.client.post(`${theirs}/${flowId}/publish`)).status).toBe(404);
    expect((await other.client.post(`${theirs}/${flowId}/duplicate`)).status).toBe(404);
    expect((await other.client.delete(`${theirs}/${flowId}`)).status).toBe(404);
    const list = await other.client.get<{ flows: { id: string }[] }>(theirs);
    expect(list.body.flows.map((f) => f.id)).not.toContain(flowId);
    expect((await owner.client.get(org(`/flows/${flowId}`))).status).toBe(200);
  });

  it("a signed-in agent reads flows but cannot change them", async () => {
    const agent = await addMemberViaInvitation(owner, "agent");
    expect((await agent.client.get(org(`/flows/${flowId}`))).status).toBe(200);
    expect((await agent.client.patch(org(`/flows/${flowId}`), { name: "Nope" })).status).toBe(403);
  });
});

describe("flows API: behaviour", () => {
  it("two tabs: the second save from a stale revision is a 409 and does not overwrite", async () => {
    const id = await newFlow("Two tabs");
    const revision = await revisionOf(id);
    const tabA = await owner.client.patch<DraftBody>(org(`/flows/${id}/draft`), { graph: greetingGraph("tab A"), revision });
    expect(tabA.status).toBe(200);
    const tabB = await owner.client.patch(org(`/flows/${id}/draft`), { graph: greetingGraph("tab B"), revision });
    expect(tabB.status).toBe(409);
    expect(tabB.body).toMatchObject({ error: { code: "conflict" } });
    expect(JSON.stringify((await owner.client.get(org(`/flows/${id}/draft`))).body)).toContain("tab A");
  });

  it("publishing an invalid draft is a 422 listing each issue with its node, and publishes nothing", async () => {
    const id = await newFlow("Invalid");
    const graph = greetingGraph();
    graph.nodes.push({ id: "orphan", type: "send_message", position: { x: 300, y: 0 }, data: { text: "Hi {{nobody}}", media: null } });
    expect((await owner.client.patch(org(`/flows/${id}/draft`), { graph, revision: await revisionOf(id) })).status).toBe(200);
    const res = await owner.client.post<{ error: { code: string; message: string; graphIssues: { nodeId?: string; code: string; message: string }[] } }>(org(`/flows/${id}/publish`));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("invalid_input");
    const orphan = res.body.error.graphIssues.filter((i) => i.nodeId === "orphan").map((i) => i.code);
    expect(orphan).toEqual(expect.arrayContaining(["unreachable_node", "missing_exit", "unknown_variable"]));
    const versions = await owner.client.get<{ versions: { version: number }[] }>(org(`/flows/${id}/versions`));
    expect(versions.body.versions.map((v) => v.version)).toEqual([1]);
  });

  it("bad input: 422 with field issues for a bad name or a malformed graph; 400 for broken JSON; 404 for a bad id or version", async () => {
    const bad = await owner.client.post<{ error: { issues: { path: string }[] } }>(org("/flows"), { name: "" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i) => i.path)).toContain("name");
    const badGraph = await owner.client.patch<{ error: { issues: { path: string }[] } }>(org(`/flows/${flowId}/draft`), {
      graph: { nodes: [{ id: "a", type: "buttons", position: { x: 0 }, data: {} }], edges: [] },
      revision: await revisionOf(flowId),
    });
    expect(badGraph.status).toBe(422);
    expect(badGraph.body.error.issues[0].path).toMatch(/^graph\.nodes\.0/);
    expect((await owner.client.request("POST", org("/flows"), "{oops", { "content-type": "application/json" })).status).toBe(400);
    expect((await owner.client.get(org("/flows/not-a-uuid"))).status).toBe(404);
    expect((await owner.client.post(org(`/flows/${flowId}/versions/0/restore`))).status).toBe(404);
    expect((await owner.client.post(org(`/flows/${flowId}/versions/abc/restore`))).status).toBe(404);
  });

  it("export → import round-trips a flow; the export is a download", async () => {
    const raw = await fetch(baseUrl + org(`/flows/${flowId}/export`), { headers: { authorization: `Bearer ${await createApiKey(owner, "viewer")}` } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.papo-flow\.json"$/);
    const exported = await owner.client.get<Record<string, unknown>>(org(`/flows/${flowId}/export`));
    expect(exported.body).toMatchObject({ format: "papo.flow", formatVersion: 1 });
    const imported = await other.client.post<FlowBody>(`/api/v1/orgs/${other.orgSlug}/flows/import`, exported.body);
    expect(imported.status).toBe(201);
    const theirDraft = await other.client.get<DraftBody>(`/api/v1/orgs/${other.orgSlug}/flows/${imported.body.flow.id}/draft`);
    expect(theirDraft.body.draft.graph).toEqual((exported.body as { graph: unknown }).graph);
  });
});
