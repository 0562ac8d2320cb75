import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, flowNodeStats, flowVersions, flows } from "@/db/schema";
import { loadOrgContext, type OrgContext } from "@/lib/auth/org-context";
import { createFlow } from "@/lib/flows/store/create-flow";
import { deleteFlow } from "@/lib/flows/store/delete-flow";
import { duplicateFlow } from "@/lib/flows/store/duplicate-flow";
import { exportFlow } from "@/lib/flows/store/export-flow";
import { getDraft } from "@/lib/flows/store/get-draft";
import { getFlow } from "@/lib/flows/store/get-flow";
import { getNodeStats } from "@/lib/flows/store/get-node-stats";
import { GraphInvalidError } from "@/lib/flows/store/graph-invalid-error";
import { importFlow } from "@/lib/flows/store/import-flow";
import { listFlows } from "@/lib/flows/store/list-flows";
import { listVersions } from "@/lib/flows/store/list-versions";
import { publishFlow } from "@/lib/flows/store/publish-flow";
import { restoreVersion } from "@/lib/flows/store/restore-version";
import { saveDraft } from "@/lib/flows/store/save-draft";
import { updateFlow } from "@/lib/flows/store/update-flow";
import { signUp } from "@/lib/users/sign-up";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { greetingGraph } from "./greeting-graph";

let db: TestDatabase;
let ctx: OrgContext;
let outsider: OrgContext;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await ownerCtx("flows-owner@example.test");
  outsider = await ownerCtx("flows-outsider@example.test");
});
afterAll(async () => db.drop());

async function ownerCtx(email: string) {
  const { user, organization } = await signUp({ name: "Owner", email, password: "password123", organizationName: "Org " + email });
  return loadOrgContext({ type: "user", userId: user.id }, organization.slug);
}

describe("flow store", () => {
  it("creates a flow whose draft holds a start node, lists it for its organization only, and audits it", async () => {
    const flow = await createFlow(ctx, { name: "Greeting", description: "Says hi" });
    expect(flow).toMatchObject({ name: "Greeting", status: "draft", settings: { expiryMinutes: 30, closingMessage: "", restartKeyword: "" } });
    const draft = await getDraft(ctx.org.id, flow.id);
    expect((draft.graph as { nodes: { type: string }[] }).nodes.map((n) => n.type)).toEqual(["start"]);
    expect((await listFlows(ctx.org.id)).map((f) => f.id)).toContain(flow.id);
    expect((await listFlows(outsider.org.id)).map((f) => f.id)).not.toContain(flow.id);
    await expect(getFlow(outsider.org.id, flow.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(saveDraft(outsider, flow.id, { graph: greetingGraph(), revision: draft.revision })).rejects.toMatchObject({ code: "not_found" });
    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.targetId, flow.id))).map((a) => a.action);
    expect(actions).toEqual(["flow.created"]);
  });

  it("renames and merges settings without losing the other settings", async () => {
    const flow = await createFlow(ctx, { name: "Settings", description: "" });
    await updateFlow(ctx, flow.id, { settings: { closingMessage: "Bye!" } });
    const updated = await updateFlow(ctx, flow.id, { name: "Renamed", settings: { expiryMinutes: 45 } });
    expect(updated).toMatchObject({ name: "Renamed", settings: { expiryMinutes: 45, closingMessage: "Bye!", restartKeyword: "" } });
  });

  it("autosave: a stale revision is a conflict and writes nothing; a malformed graph is a 422", async () => {
    const flow = await createFlow(ctx, { name: "Tabs", description: "" });
    const first = await getDraft(ctx.org.id, flow.id);
    const tabA = await saveDraft(ctx, flow.id, { graph: greetingGraph("from tab A"), revision: first.revision });
    expect(tabA.revision).not.toBe(first.revision);
    await expect(saveDraft(ctx, flow.id, { graph: greetingGraph("from tab B"), revision: first.revision })).rejects.toMatchObject({ code: "conflict" });
    expect(JSON.stringify((await getDraft(ctx.org.id, flow.id)).graph)).toContain("from tab A");
    await expect(saveDraft(ctx, flow.id, { graph: { nodes: [{ id: "x", type: "teleport" }], edges: [] }, revision: tabA.revision })).rejects.toMatchObject({
      code: "invalid_input",
    });
    // Two saves racing from the same revision: exactly one wins.
    const results = await Promise.allSettled([
      saveDraft(ctx, flow.id, { graph: greetingGraph("race 1"), revision: tabA.revision }),
      saveDraft(ctx, flow.id, { graph: greetingGraph("race 2"), revision: tabA.revision }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("publish refuses an invalid draft with every blocking issue, and writes no version", async () => {
    const flow = await createFlow(ctx, { name: "Invalid", description: "" });
    const draft = await getDraft(ctx.org.id, flow.id);
    const graph = greetingGraph();
    graph.edges = graph.edges.filter((e) => e.source !== "start");
    await saveDraft(ctx, flow.id, { graph, revision: draft.revision });
    const err = await publishFlow(ctx, flow.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphInvalidError);
    const issues = (err as GraphInvalidError).graphIssues;
    expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining(["missing_exit", "unreachable_node"]));
    expect(issues.every((i) => i.severity === "error")).toBe(true);
    expect(issues.find((i) => i.code === "missing_exit")?.nodeId).toBe("start");
    expect(await getDb().$count(flowVersions, eq(flowVersions.flowId, flow.id))).toBe(1);
    expect((await getFlow(ctx.org.id, flow.id)).status).toBe("draft");
  });

  it("publish freezes versions 1, 2 …, mirrors the trigger, and restore copies a version back into the draft", async () => {
    const flow = await createFlow(ctx, { name: "Versions", description: "" });
    let draft = await getDraft(ctx.org.id, flow.id);
    draft = await saveDraft(ctx, flow.id, { graph: greetingGraph("v1 text"), revision: draft.revision });
    const v1 = await publishFlow(ctx, flow.id);
    expect(v1.version).toBe(1);
    const published = await getFlow(ctx.org.id, flow.id);
    expect(published).toMatchObject({ status: "active", publishedVersionId: v1.versionId, publishedVersion: 1 });
    expect(published.trigger).toEqual({ triggers: [{ kind: "keyword", match: "exact", keywords: ["oi"], caseSensitive: false }] });

    draft = await saveDraft(ctx, flow.id, { graph: greetingGraph("v2 text"), revision: draft.revision });
    const v2 = await publishFlow(ctx, flow.id);
    expect(v2.version).toBe(2);
    const [frozen] = await getDb().select().from(flowVersions).where(eq(flowVersions.id, v1.versionId));
    expect(JSON.stringify(frozen.graph)).toContain("v1 text");
    expect((await listVersions(ctx.org.id, flow.id)).map((v) => [v.version, v.live])).toEqual([
      [2, true],
      [1, false],
    ]);

    const restored = await restoreVersion(ctx, flow.id, 1);
    expect(JSON.stringify(restored.graph)).toContain("v1 text");
    expect(restored.revision).not.toBe(draft.revision);
    await expect(saveDraft(ctx, flow.id, { graph: greetingGraph("stale tab"), revision: draft.revision })).rejects.toMatchObject({ code: "conflict" });
    expect((await getFlow(ctx.org.id, flow.id)).publishedVersion).toBe(2);
    await expect(restoreVersion(ctx, flow.id, 9)).rejects.toMatchObject({ code: "not_found" });
    await expect(restoreVersion(outsider, flow.id, 1)).rejects.toMatchObject({ code: "not_found" });
    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.targetId, flow.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["flow.published", "flow.version_restored"]));
  });

  it("per-node counters come from the published version only", async () => {
    const flow = await createFlow(ctx, { name: "Stats", description: "" });
    const draft = await getDraft(ctx.org.id, flow.id);
    await saveDraft(ctx, flow.id, { graph: greetingGraph(), revision: draft.revision });
    expect(await getNodeStats(ctx.org.id, flow.id)).toEqual({ versionId: null, nodes: {} });
    const v1 = await publishFlow(ctx, flow.id);
    await getDb().insert(flowNodeStats).values({ organizationId: ctx.org.id, flowId: flow.id, flowVersionId: v1.versionId, nodeId: "hello", entered: 3, completed: 2, dropped: 1 });
    const v2 = await publishFlow(ctx, flow.id);
    await getDb().insert(flowNodeStats).values({ organizationId: ctx.org.id, flowId: flow.id, flowVersionId: v2.versionId, nodeId: "hello", entered: 7, completed: 7, dropped: 0 });
    expect(await getNodeStats(ctx.org.id, flow.id)).toEqual({ versionId: v2.versionId, nodes: { hello: { entered: 7, completed: 7, dropped: 0, handedOff: 0 } } });
  });

  it("duplicates the draft and settings (no versions), exports and imports a round trip, and soft-deletes", async () => {
    const flow = await createFlow(ctx, { name: "Original", description: "d" });
    const draft = await getDraft(ctx.org.id, flow.id);
    await saveDraft(ctx, flow.id, { graph: greetingGraph("copied"), revision: draft.revision });
    await updateFlow(ctx, flow.id, { settings: { restartKeyword: "menu" } });
    await publishFlow(ctx, flow.id);

    const copy = await duplicateFlow(ctx, flow.id);
    expect(copy).toMatchObject({ name: "Original (copy)", status: "draft", publishedVersionId: null, settings: { restartKeyword: "menu" } });
    expect(JSON.stringify((await getDraft(ctx.org.id, copy.id)).graph)).toContain("copied");
    expect(await getDb().$count(flowVersions, eq(flowVersions.flowId, copy.id))).toBe(1);

    const file = await exportFlow(ctx.org.id, flow.id);
    expect(file).toMatchObject({ format: "papo.flow", formatVersion: 1, name: "Original", settings: { restartKeyword: "menu" } });
    const imported = await importFlow(outsider, JSON.parse(JSON.stringify(file)));
    expect(imported.name).toBe("Original");
    expect((await getDraft(outsider.org.id, imported.id)).graph).toEqual((await getDraft(ctx.org.id, flow.id)).graph);

    const before = await getDb().$count(flows, eq(flows.organizationId, outsider.org.id));
    await expect(importFlow(outsider, { ...file, graph: { nodes: [{ id: "s", type: "start" }] } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(importFlow(outsider, { name: "" })).rejects.toBeTruthy();
    expect(await getDb().$count(flows, eq(flows.organizationId, outsider.org.id))).toBe(before);

    await expect(deleteFlow(outsider, flow.id)).rejects.toMatchObject({ code: "not_found" });
    await deleteFlow(ctx, flow.id);
    await expect(getFlow(ctx.org.id, flow.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listFlows(ctx.org.id)).map((f) => f.id)).not.toContain(flow.id);
    const [row] = await getDb().select().from(flows).where(and(eq(flows.id, flow.id)));
    expect(row.status).toBe("inactive");
    expect(row.deletedAt).not.toBeNull();
  });
});
