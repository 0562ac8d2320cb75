import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, flowGlobals } from "@/db/schema";
import { loadOrgContext, type OrgContext } from "@/lib/auth/org-context";
import { getFlowRuntimeSettings, RUNTIME_SETTINGS_GLOBAL } from "@/lib/flows/runtime/flow-runtime-settings";
import { loadEngineContext } from "@/lib/flows/runtime/load-engine-context";
import { createFlowGlobal } from "@/lib/flows/settings/create-flow-global";
import { deleteFlowGlobal } from "@/lib/flows/settings/delete-flow-global";
import { createFlowGlobalInput, updateFlowSettingsInput } from "@/lib/flows/settings/flow-settings-input";
import { getFlowSettings } from "@/lib/flows/settings/get-flow-settings";
import { listFlowGlobals } from "@/lib/flows/settings/list-flow-globals";
import { listFlowGlobalNames } from "@/lib/flows/store/list-flow-global-names";
import { updateFlowGlobal } from "@/lib/flows/settings/update-flow-global";
import { updateFlowSettings } from "@/lib/flows/settings/update-flow-settings";
import { signUp } from "@/lib/users/sign-up";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { Conversation, graphOf } from "../../unit/flows/run-conversation";

let db: TestDatabase;
let ctx: OrgContext;
let outsider: OrgContext;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await ownerCtx("flowset-owner@example.test");
  outsider = await ownerCtx("flowset-outsider@example.test");
});
afterAll(async () => db?.drop());

async function ownerCtx(email: string) {
  const { user, organization } = await signUp({ name: "Owner", email, password: "password123", organizationName: "Org " + email });
  return loadOrgContext({ type: "user", userId: user.id }, organization.slug);
}

const greeting = graphOf(
  [
    { id: "s", type: "start" },
    { id: "m", type: "send_message", data: { text: "Welcome to {{globals.brand}} — call {{globals.support_phone}}" } },
  ],
  [["s", "next", "m"]],
);

/** What a flow running for this organization would say, with the context the runtime loads for a turn. */
async function greetingFor(org: OrgContext) {
  const engineContext = await loadEngineContext(org.org.id, randomUUID(), randomUUID(), new Date());
  return { engineContext, texts: new Conversation(greeting, engineContext).send("hi") };
}

describe("flow settings and globals (lib)", () => {
  it("a global saved through the lib is what {{globals.…}} reads in an engine run; edits and deletes follow", async () => {
    await createFlowGlobal(ctx, { name: "brand", value: "Acme Tea" });
    await createFlowGlobal(ctx, { name: "support_phone", value: "+55 11 4000-0000" });
    await updateFlowSettings(ctx, { allowPrivateAddresses: true, ai: { baseUrl: "https://llm.example/v1", model: "m1", apiKey: "sk-live-secret" } });

    let run = await greetingFor(ctx);
    expect(run.texts).toEqual(["Welcome to Acme Tea — call +55 11 4000-0000"]);
    // The reserved settings row is in the same table but never reaches a flow.
    expect(Object.keys(run.engineContext.globals).sort()).toEqual(["brand", "support_phone"]);
    // …nor the editor's list of known names (used to flag unknown {{globals.…}}).
    expect(await listFlowGlobalNames(ctx.org.id)).toEqual(["brand", "support_phone"]);
    // Another organization's flows see nothing of it.
    expect((await greetingFor(outsider)).texts).toEqual(["Welcome to  — call"]);

    await updateFlowGlobal(ctx, "brand", "Acme Coffee");
    await deleteFlowGlobal(ctx, "support_phone");
    run = await greetingFor(ctx);
    expect(run.texts).toEqual(["Welcome to Acme Coffee — call"]);
    expect((await listFlowGlobals(ctx.org.id)).map((g) => [g.name, g.value])).toEqual([["brand", "Acme Coffee"]]);

    const actions = await getDb().select({ action: auditLog.action, targetId: auditLog.targetId }).from(auditLog).where(eq(auditLog.organizationId, ctx.org.id));
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "flow_global.saved", targetId: "brand" },
        { action: "flow_global.deleted", targetId: "support_phone" },
        { action: "flow_settings.updated", targetId: null },
      ]),
    );
  });

  it("settings reach the runtime: the key is stored encrypted, read back decrypted, shown only as apiKeySet; omitted keeps it, ai:null clears", async () => {
    await updateFlowSettings(ctx, { ai: { baseUrl: "https://llm.example/v1", model: "m1", apiKey: "sk-live-secret" } });
    const [row] = await getDb()
      .select({ value: flowGlobals.value })
      .from(flowGlobals)
      .where(and(eq(flowGlobals.organizationId, ctx.org.id), eq(flowGlobals.name, RUNTIME_SETTINGS_GLOBAL)));
    expect(row.value).not.toContain("sk-live-secret");
    expect(await getFlowRuntimeSettings(ctx.org.id)).toEqual({ allowPrivateHttp: true, ai: { baseUrl: "https://llm.example/v1", model: "m1", apiKey: "sk-live-secret" } });
    expect(JSON.stringify(await getFlowSettings(ctx.org.id))).not.toContain("sk-live-secret");

    // A new model without a key: the stored key stays (the form never has it).
    expect(await updateFlowSettings(ctx, { ai: { baseUrl: "https://llm.example/v2", model: "m2" } })).toEqual({
      allowPrivateAddresses: true,
      ai: { baseUrl: "https://llm.example/v2", model: "m2", apiKeySet: true },
    });
    expect((await getFlowRuntimeSettings(ctx.org.id)).ai?.apiKey).toBe("sk-live-secret");
    // Changing only the switch leaves the endpoint alone.
    await updateFlowSettings(ctx, { allowPrivateAddresses: false });
    expect(await getFlowRuntimeSettings(ctx.org.id)).toMatchObject({ allowPrivateHttp: false, ai: { model: "m2", apiKey: "sk-live-secret" } });
    await updateFlowSettings(ctx, { ai: null });
    expect(await getFlowRuntimeSettings(ctx.org.id)).toEqual({ allowPrivateHttp: false, ai: null });
    expect(await getFlowSettings(outsider.org.id)).toEqual({ allowPrivateAddresses: false, ai: null });

    const audits = await getDb().select({ metadata: auditLog.metadata }).from(auditLog).where(and(eq(auditLog.organizationId, ctx.org.id), eq(auditLog.action, "flow_settings.updated")));
    expect(audits.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(audits)).not.toContain("sk-live-secret");
  });

  it("reserved names are refused by the input schema and cannot be edited or deleted through the lib", async () => {
    await updateFlowSettings(ctx, { allowPrivateAddresses: true });
    for (const name of [RUNTIME_SETTINGS_GLOBAL, "a:b", "has space", "dash-ed", "", "x".repeat(65)]) {
      expect(createFlowGlobalInput.safeParse({ name, value: "v" }).success, name).toBe(false);
    }
    await expect(updateFlowGlobal(ctx, RUNTIME_SETTINGS_GLOBAL, "{}")).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteFlowGlobal(ctx, RUNTIME_SETTINGS_GLOBAL)).rejects.toMatchObject({ code: "not_found" });
    expect((await getFlowRuntimeSettings(ctx.org.id)).allowPrivateHttp).toBe(true);
    expect((await listFlowGlobals(ctx.org.id)).map((g) => g.name)).not.toContain(RUNTIME_SETTINGS_GLOBAL);
    await expect(createFlowGlobal(ctx, { name: "brand", value: "dup" })).rejects.toMatchObject({ code: "conflict" });
    // Another organization cannot touch this one's globals.
    await expect(updateFlowGlobal(outsider, "brand", "theirs")).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteFlowGlobal(outsider, "brand")).rejects.toMatchObject({ code: "not_found" });
  });

  it("settings input: http(s) URLs only, a model, no unknown fields", () => {
    const bad = [
      { ai: { baseUrl: "ftp://llm.example", model: "m" } },
      { ai: { baseUrl: "not a url", model: "m" } },
      { ai: { baseUrl: "https://llm.example/v1", model: "  " } },
      { allowPrivateAddresses: "yes" },
      { apiKey: "sk" },
    ];
    for (const body of bad) expect(updateFlowSettingsInput.safeParse(body).success, JSON.stringify(body)).toBe(false);
    expect(updateFlowSettingsInput.parse({ ai: { baseUrl: " http://10.0.0.5:8080/v1 ", model: " llama " } })).toEqual({ ai: { baseUrl: "http://10.0.0.5:8080/v1", model: "llama" } });
  });
});
