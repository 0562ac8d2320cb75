import { beforeAll, describe, expect, inject, it } from "vitest";
import { HttpClient, createApiKey, signUpOwner, type SignedUp } from "../support/http-client";

type Role = "owner" | "admin" | "agent" | "viewer";
const roles: Role[] = ["owner", "admin", "agent", "viewer"];
const managers: Role[] = ["owner", "admin"];

type SettingsBody = { settings: { allowPrivateAddresses: boolean; ai: { baseUrl: string; model: string; apiKeySet: boolean } | null } };
type GlobalsBody = { globals: { name: string; value: string }[] };
type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

const SECRET = "sk-flowset-never-returned-0123456789";

let owner: SignedUp;
let other: SignedUp;
const clients = {} as Record<Role, HttpClient>;
let counter = 0;

const org = (p = "") => `/api/v1/orgs/${owner.orgSlug}${p}`;

/** A global of its own for a case that edits or deletes one. */
async function newGlobal(): Promise<string> {
  const name = `g_${++counter}`;
  const res = await owner.client.post(org("/flow-globals"), { name, value: "v" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return name;
}

type Case = { name: string; allowed: Role[]; okStatus?: number; request: () => Promise<{ method: string; path: string; body?: unknown }> };

const cases: Case[] = [
  { name: "read the flow settings", allowed: roles, request: async () => ({ method: "GET", path: org("/flow-settings") }) },
  { name: "list globals", allowed: roles, request: async () => ({ method: "GET", path: org("/flow-globals") }) },
  { name: "change the flow settings", allowed: managers, request: async () => ({ method: "PATCH", path: org("/flow-settings"), body: { allowPrivateAddresses: false } }) },
  { name: "add a global", allowed: managers, okStatus: 201, request: async () => ({ method: "POST", path: org("/flow-globals"), body: { name: `new_${++counter}`, value: "x" } }) },
  { name: "edit a global", allowed: managers, request: async () => ({ method: "PATCH", path: org(`/flow-globals/${await newGlobal()}`), body: { value: "y" } }) },
  { name: "delete a global", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/flow-globals/${await newGlobal()}`) }) },
];

beforeAll(async () => {
  const baseUrl = inject("baseUrl");
  owner = await signUpOwner(baseUrl, "Flow Settings Org");
  other = await signUpOwner(baseUrl, "Other Flow Settings Org");
  clients.owner = owner.client;
  for (const role of ["admin", "agent", "viewer"] as const) clients[role] = owner.client.withApiKey(await createApiKey(owner, role));
});

describe("flow settings API: role × route", () => {
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

describe("flow settings API: tenancy", () => {
  for (const c of cases) {
    it(`another organization's owner cannot ${c.name} (404)`, async () => {
      const { method, path, body } = await c.request();
      const res = await other.client.request(method, path, body);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: "not_found" } });
    });
  }

  it("each organization has its own settings and globals", async () => {
    expect((await owner.client.patch(org("/flow-settings"), { ai: { baseUrl: "https://llm.example/v1", model: "m", apiKey: SECRET } })).status).toBe(200);
    expect((await owner.client.post(org("/flow-globals"), { name: "only_mine", value: "1" })).status).toBe(201);
    const theirs = `/api/v1/orgs/${other.orgSlug}`;
    expect((await other.client.get<SettingsBody>(`${theirs}/flow-settings`)).body.settings).toEqual({ allowPrivateAddresses: false, ai: null });
    expect((await other.client.get<GlobalsBody>(`${theirs}/flow-globals`)).body.globals).toEqual([]);
    // The name exists in A, not in B: B's routes do not reach A's row.
    expect((await other.client.patch(`${theirs}/flow-globals/only_mine`, { value: "hijack" })).status).toBe(404);
    expect((await other.client.delete(`${theirs}/flow-globals/only_mine`)).status).toBe(404);
    const mine = await owner.client.get<GlobalsBody>(org("/flow-globals"));
    expect(mine.body.globals).toContainEqual(expect.objectContaining({ name: "only_mine", value: "1" }));
  });
});

describe("flow settings API: behaviour", () => {
  it("the AI key is write-only: never in any response, only apiKeySet; omitted keeps it; ai:null clears", async () => {
    const saved = await owner.client.patch<SettingsBody>(org("/flow-settings"), { ai: { baseUrl: "https://llm.example/v1", model: "gpt-x", apiKey: SECRET } });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.ai).toEqual({ baseUrl: "https://llm.example/v1", model: "gpt-x", apiKeySet: true });
    for (const client of Object.values(clients)) {
      const read = await client.get(org("/flow-settings"));
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.body)).not.toContain(SECRET);
    }
    const audit = await owner.client.get(org("/audit-log"));
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).toContain("flow_settings.updated");
    expect(JSON.stringify(audit.body)).not.toContain(SECRET);

    const kept = await owner.client.patch<SettingsBody>(org("/flow-settings"), { ai: { baseUrl: "https://llm.example/v2", model: "gpt-y" } });
    expect(kept.body.settings.ai).toEqual({ baseUrl: "https://llm.example/v2", model: "gpt-y", apiKeySet: true });
    const switched = await owner.client.patch<SettingsBody>(org("/flow-settings"), { allowPrivateAddresses: true });
    expect(switched.body.settings).toEqual({ allowPrivateAddresses: true, ai: { baseUrl: "https://llm.example/v2", model: "gpt-y", apiKeySet: true } });
    const noKey = await owner.client.patch<SettingsBody>(org("/flow-settings"), { ai: { baseUrl: "https://llm.example/v2", model: "gpt-y", apiKey: null } });
    expect(noKey.body.settings.ai?.apiKeySet).toBe(false);
    const cleared = await owner.client.patch<SettingsBody>(org("/flow-settings"), { ai: null });
    expect(cleared.body.settings).toEqual({ allowPrivateAddresses: true, ai: null });
    expect((await owner.client.get<SettingsBody>(org("/flow-settings"))).body.settings).toEqual({ allowPrivateAddresses: true, ai: null });
  });

  it("bad settings input is a 422 naming the field, and changes nothing", async () => {
    await owner.client.patch(org("/flow-settings"), { allowPrivateAddresses: false, ai: { baseUrl: "https://good.example/v1", model: "keep" } });
    const bodies: [unknown, string][] = [
      [{ ai: { baseUrl: "ftp://llm.example/v1", model: "m" } }, "ai.baseUrl"],
      [{ ai: { baseUrl: "not a url", model: "m" } }, "ai.baseUrl"],
      [{ ai: { baseUrl: "https://llm.example/v1", model: "" } }, "ai.model"],
      [{ ai: { baseUrl: "https://llm.example/v1" } }, "ai.model"],
      [{ allowPrivateAddresses: "yes" }, "allowPrivateAddresses"],
    ];
    for (const [body, path] of bodies) {
      const res = await owner.client.patch<ErrorBody>(org("/flow-settings"), body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("invalid_input");
      expect(typeof res.body.error.message).toBe("string");
      expect(res.body.error.issues?.map((i) => i.path)).toContain(path);
    }
    expect((await owner.client.request("PATCH", org("/flow-settings"), "{oops", { "content-type": "application/json" })).status).toBe(400);
    expect((await owner.client.get<SettingsBody>(org("/flow-settings"))).body.settings).toEqual({
      allowPrivateAddresses: false,
      ai: { baseUrl: "https://good.example/v1", model: "keep", apiKeySet: false },
    });
  });

  it("globals: names must be usable as {{globals.name}}; ':' (reserved) is refused; the reserved settings row is never listed or reachable", async () => {
    // The organization has runtime settings, so the reserved papo:flow-runtime row exists.
    await owner.client.patch(org("/flow-settings"), { allowPrivateAddresses: true });
    for (const name of ["papo:flow-runtime", "a:b", "with space", "dash-ed", "", "x".repeat(65)]) {
      const res = await owner.client.post<ErrorBody>(org("/flow-globals"), { name, value: "v" });
      expect(res.status, name).toBe(422);
      expect(res.body.error.issues?.map((i) => i.path)).toContain("name");
    }
    const list = await owner.client.get<GlobalsBody>(org("/flow-globals"));
    expect(list.body.globals.every((g) => !g.name.includes(":"))).toBe(true);
    expect((await owner.client.patch(org(`/flow-globals/${encodeURIComponent("papo:flow-runtime")}`), { value: '{"allowPrivateHttp":false}' })).status).toBe(404);
    expect((await owner.client.delete(org(`/flow-globals/${encodeURIComponent("papo:flow-runtime")}`))).status).toBe(404);
    expect((await owner.client.get<SettingsBody>(org("/flow-settings"))).body.settings.allowPrivateAddresses).toBe(true);

    const created = await owner.client.post<{ global: { name: string; value: string } }>(org("/flow-globals"), { name: "Brand_2", value: "Acme" });
    expect(created.status).toBe(201);
    expect(created.body.global).toMatchObject({ name: "Brand_2", value: "Acme" });
    const dup = await owner.client.post<ErrorBody>(org("/flow-globals"), { name: "Brand_2", value: "again" });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("conflict");
    const edited = await owner.client.patch<{ global: { value: string } }>(org("/flow-globals/Brand_2"), { value: "Acme Tea" });
    expect(edited.body.global.value).toBe("Acme Tea");
    expect((await owner.client.patch(org("/flow-globals/Brand_2"), { value: 42 })).status).toBe(422);
    expect((await owner.client.patch(org("/flow-globals/missing"), { value: "x" })).status).toBe(404);
    expect((await owner.client.delete(org("/flow-globals/Brand_2"))).status).toBe(200);
    expect((await owner.client.delete(org("/flow-globals/Brand_2"))).status).toBe(404);
    const after = await owner.client.get<GlobalsBody>(org("/flow-globals"));
    expect(after.body.globals.map((g) => g.name)).not.toContain("Brand_2");
    const audit = JSON.stringify((await owner.client.get(org("/audit-log"))).body);
    expect(audit).toContain("flow_global.saved");
    expect(audit).toContain("flow_global.deleted");
  });
});
