import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, flowVersions, flows } from "@/db/schema";
import { blockingIssues, validateGraph } from "@/lib/flows/validate-graph";
import { seedDemo } from "@/lib/seed/seed-demo";
import { DEMO_FLOW_NAME, seedDemoFlow } from "@/lib/seed/seed-demo-flow";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);
afterAll(async () => db?.drop());

describe("the demo seed's example flow", () => {
  it("is published, valid, the sandbox channel's default flow, and seeded once", async () => {
    const { created, login } = await seedDemo();
    expect(created).toBe(true);
    const [flow] = await getDb().select().from(flows).where(eq(flows.name, DEMO_FLOW_NAME));
    expect(flow).toMatchObject({ status: "active" });
    const versions = await getDb().select().from(flowVersions).where(eq(flowVersions.flowId, flow.id));
    expect(versions.map((v) => v.version).sort()).toEqual([0, 1]);
    const published = versions.find((v) => v.id === flow.publishedVersionId)!;
    expect(published.version).toBe(1);
    expect(blockingIssues(validateGraph(published.graph))).toEqual([]);
    const [channel] = await getDb().select().from(channels).where(eq(channels.id, login!.sandboxChannelId!));
    expect(channel.defaultFlowId).toBe(flow.id);

    const again = await getDb().transaction((tx) => seedDemoFlow(tx, { organizationId: flow.organizationId, channelId: channel.id, userId: flow.createdById! }));
    expect(again).toBe(flow.id);
    expect(await getDb().select().from(flows)).toHaveLength(1);
    expect((await seedDemo()).created).toBe(false);
  });
});
