import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { flowNodeStats, flowVersions, flows, messages } from "@/db/schema";
import { loadOrgContext, type OrgContext } from "@/lib/auth/org-context";
import { createChannel } from "@/lib/channels/create-channel";
import { getTestSession } from "@/lib/flows/runtime/get-test-session";
import { handleInboundMessage } from "@/lib/flows/runtime/handle-inbound-message";
import { startTestSession } from "@/lib/flows/runtime/start-test-session";
import { signUp } from "@/lib/users/sign-up";
import { registerPhoneNumber } from "@/tests/support/graph-mock";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let db: TestDatabase;
let ctx: OrgContext;
let sandboxId: string;
let flowId: string;

const node = (id: string, type: string, data: unknown = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
const graph = (prompt: string) => ({ nodes: [node("s", "start"), node("q", "question", { prompt, variable: "x" }), node("e", "end", { message: "bye {{x}}" })], edges: [{ id: "1", source: "s", target: "q", sourceHandle: "next" }, { id: "2", source: "q", target: "e", sourceHandle: "next" }] });

beforeAll(async () => {
  db = await createTestDatabase();
  const { user, organization } = await signUp({ name: "T", email: "tester@example.test", password: "password123", organizationName: "Tester" });
  ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  sandboxId = (await createChannel(ctx, { provider: "sandbox", name: "Sandbox", displayPhoneNumber: "+15550000000" })).id;
  const [flow] = await getDb().insert(flows).values({ organizationId: organization.id, name: "Draft only" }).returning();
  flowId = flow.id;
  await getDb().insert(flowVersions).values({ organizationId: organization.id, flowId, version: 0, graph: graph("Draft v1?") });
}, 60_000);
afterAll(async () => db?.drop());

/** Stores what the sandbox customer typed, as the webhook side would, and runs the runtime's first step on it. */
async function customerTypes(t: { conversationId: string; contactId: string }, body: string) {
  const [m] = await getDb()
    .insert(messages)
    .values({ organizationId: ctx.org.id, channelId: sandboxId, conversationId: t.conversationId, direction: "inbound", type: "text", content: { type: "text", text: { body } }, status: "received", sender: "contact" })
    .returning();
  const outcome = await handleInboundMessage({ organizationId: ctx.org.id, channelId: sandboxId, conversationId: t.conversationId, contactId: t.contactId, messageId: m.id });
  if ("skipped" in outcome) return [outcome.skipped];
  return outcome.plans.flatMap((p) => p.messages.map((x) => (x.message as { body: string }).body));
}

describe("test sessions (the editor's test panel)", () => {
  it("run the live draft, unpublished, and report the current node", async () => {
    const t = await startTestSession(ctx, flowId, sandboxId);
    expect(t.phone).toMatch(/^\+155501\d{6}$/);
    expect(await getTestSession(ctx, flowId)).toMatchObject({ conversationId: t.conversationId, session: { id: t.sessionId, status: "active", currentNodeId: null } });
    expect(await customerTypes(t, "hello")).toEqual(["Draft v1?"]);
    expect((await getTestSession(ctx, flowId)).session).toMatchObject({ status: "waiting", currentNodeId: "q" });
    // An edit to the draft applies to the next step of the running test.
    await getDb().update(flowVersions).set({ graph: { ...graph("Draft v2?"), nodes: graph("Draft v2?").nodes.map((n) => (n.id === "e" ? { ...n, data: { message: "ciao {{x}}" } } : n)) } }).where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.version, 0)));
    expect(await customerTypes(t, "Ana")).toEqual(["ciao Ana"]);
    expect((await getTestSession(ctx, flowId)).session).toMatchObject({ status: "completed", currentNodeId: "e" });
    // The test customer keeps talking to the draft after the end; nothing counts in the statistics.
    expect(await customerTypes(t, "again")).toEqual(["Draft v2?"]);
    expect(await getDb().select().from(flowNodeStats)).toEqual([]);
  });

  it("a restart resets the conversation to a fresh test session; same customer, same conversation", async () => {
    const first = await startTestSession(ctx, flowId, sandboxId);
    await customerTypes(first, "hi");
    const second = await startTestSession(ctx, flowId, sandboxId);
    expect(second.waId).toBe(first.waId);
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect((await getTestSession(ctx, flowId)).session).toMatchObject({ id: second.sessionId, status: "active", currentNodeId: null });
  });

  it("a step re-run for the same message (its result lost in a crash) gets the same plan; the message is used once", async () => {
    const t = await startTestSession(ctx, flowId, sandboxId);
    await customerTypes(t, "hello");
    const [m] = await getDb()
      .insert(messages)
      .values({ organizationId: ctx.org.id, channelId: sandboxId, conversationId: t.conversationId, direction: "inbound", type: "text", content: { type: "text", text: { body: "bob@example.com" } }, status: "received", sender: "contact" })
      .returning();
    const event = { organizationId: ctx.org.id, channelId: sandboxId, conversationId: t.conversationId, contactId: t.contactId, messageId: m.id };
    const first = await handleInboundMessage(event);
    const again = await handleInboundMessage(event);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ plans: [{ messages: [{ message: { body: "ciao bob@example.com" } }] }] });
    expect((await getTestSession(ctx, flowId)).session).toMatchObject({ status: "completed", currentNodeId: "e" });
  });

  it("refuses a channel that is not a sandbox, and a flow of another organization", async () => {
    await registerPhoneNumber({ phoneNumberId: "998877665544", wabaId: "112233", accessToken: "EAAGtest-token-0000000000000000" });
    const cloud = await createChannel(ctx, { provider: "cloud", name: "Real", displayPhoneNumber: "+5511955550123", phoneNumberId: "998877665544", wabaId: "112233", accessToken: "EAAGtest-token-0000000000000000", appSecret: "0123456789abcdef0123456789abcdef" });
    await expect(startTestSession(ctx, flowId, cloud.id)).rejects.toMatchObject({ code: "not_found" });
    const other = await signUp({ name: "O", email: "other@example.test", password: "password123", organizationName: "Other" });
    const otherCtx = await loadOrgContext({ type: "user", userId: other.user.id }, other.organization.slug);
    const otherSandbox = await createChannel(otherCtx, { provider: "sandbox", name: "S", displayPhoneNumber: "+15550000001" });
    await expect(startTestSession(otherCtx, flowId, otherSandbox.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
