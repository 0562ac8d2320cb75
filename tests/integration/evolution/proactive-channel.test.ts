import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels } from "@/db/schema";
import { createChannel } from "@/lib/channels/create-channel";
import { proactiveChannelFor } from "@/lib/channels/proactive-channel-for";
import { getChannelRouting, setChannelRouting } from "@/lib/channels/set-channel-routing";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startEvolutionMock, type EvolutionMock } from "@/tests/support/evolution-mock";
import { connectEvolution, deliverToRoute, orgWithMember } from "./evolution-helpers";

let db: TestDatabase;
let mock: EvolutionMock;
beforeAll(async () => {
  mock = await startEvolutionMock({ deliver: deliverToRoute });
  db = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await mock?.close();
  await db?.drop();
});

describe("the proactive number (routing rule per organization)", () => {
  it("names the number notices go through; no rule, a disabled or deleted number, or another organization's → none", async () => {
    const { ctx } = await orgWithMember("routing");
    const official = await createChannel(ctx, { provider: "sandbox", name: "Atendimento", displayPhoneNumber: "+5511955550001" });
    const { channel: notices } = await connectEvolution(ctx, mock);
    expect(await proactiveChannelFor(ctx.org.id)).toBeNull();
    expect(await getChannelRouting(ctx.org.id)).toEqual({ proactiveChannelId: null });

    await setChannelRouting(ctx, { proactiveChannelId: notices.id });
    expect((await proactiveChannelFor(ctx.org.id))?.id).toBe(notices.id);
    await setChannelRouting(ctx, { proactiveChannelId: official.id });
    expect((await proactiveChannelFor(ctx.org.id))?.id).toBe(official.id);

    const other = await orgWithMember("routing-other");
    const theirs = await createChannel(other.ctx, { provider: "sandbox", name: "Deles", displayPhoneNumber: "+5511955550002" });
    await expect(setChannelRouting(ctx, { proactiveChannelId: theirs.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await proactiveChannelFor(other.ctx.org.id)).toBeNull();

    await setChannelRouting(ctx, { proactiveChannelId: notices.id });
    await getDb().update(channels).set({ status: "disabled" }).where(eq(channels.id, notices.id));
    expect(await proactiveChannelFor(ctx.org.id)).toBeNull();
    await getDb().update(channels).set({ status: "active", deletedAt: new Date() }).where(eq(channels.id, notices.id));
    expect(await proactiveChannelFor(ctx.org.id)).toBeNull();
    await setChannelRouting(ctx, { proactiveChannelId: null });
    expect(await getChannelRouting(ctx.org.id)).toEqual({ proactiveChannelId: null });
  });
});
