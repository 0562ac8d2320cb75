import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrgContext, type OrgContext } from "@/lib/auth/org-context";
import { createFlow } from "@/lib/flows/store/create-flow";
import { getDraft } from "@/lib/flows/store/get-draft";
import { getFlow } from "@/lib/flows/store/get-flow";
import { listFlows } from "@/lib/flows/store/list-flows";
import { publishFlow } from "@/lib/flows/store/publish-flow";
import { saveDraft } from "@/lib/flows/store/save-draft";
import { signUp } from "@/lib/users/sign-up";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { greetingGraph } from "./greeting-graph";

// "Published · v1 · All changes saved" hid edits that were not live: the flow says when its draft differs.
let db: TestDatabase;
let ctx: OrgContext;

beforeAll(async () => {
  db = await createTestDatabase();
  const { user, organization } = await signUp({ name: "Owner", email: "draft-differs@example.test", password: "password123", organizationName: "Draft Differs" });
  ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
});
afterAll(async () => db.drop());

const listed = async (flowId: string) => (await listFlows(ctx.org.id)).find((f) => f.id === flowId)!;

describe("draft differs from the published version", () => {
  it("is false before a publish and right after one, true once the draft changes, false again when it is published", async () => {
    const flow = await createFlow(ctx, { name: "Greeting", description: "" });
    expect((await getFlow(ctx.org.id, flow.id)).draftDiffers).toBe(false);
    const first = await saveDraft(ctx, flow.id, { graph: greetingGraph("Hello"), revision: (await getDraft(ctx.org.id, flow.id)).revision });
    // Nothing is published yet: an unpublished draft differs from nothing.
    expect((await listed(flow.id)).draftDiffers).toBe(false);

    await publishFlow(ctx, flow.id);
    expect((await getFlow(ctx.org.id, flow.id)).draftDiffers).toBe(false);
    expect((await listed(flow.id)).draftDiffers).toBe(false);

    const edited = await saveDraft(ctx, flow.id, { graph: greetingGraph("Hello again"), revision: (await getDraft(ctx.org.id, flow.id)).revision });
    expect(edited.revision).not.toBe(first.revision);
    expect((await getFlow(ctx.org.id, flow.id))).toMatchObject({ publishedVersion: 1, draftDiffers: true });
    expect((await listed(flow.id))).toMatchObject({ publishedVersion: 1, draftDiffers: true });

    // Saving the live graph back is no difference (compared as JSON values, not as text or save times).
    await saveDraft(ctx, flow.id, { graph: greetingGraph("Hello"), revision: edited.revision });
    expect((await getFlow(ctx.org.id, flow.id)).draftDiffers).toBe(false);

    await saveDraft(ctx, flow.id, { graph: greetingGraph("Hello again"), revision: (await getDraft(ctx.org.id, flow.id)).revision });
    await publishFlow(ctx, flow.id);
    expect((await listed(flow.id))).toMatchObject({ publishedVersion: 2, draftDiffers: false });
  });
});
