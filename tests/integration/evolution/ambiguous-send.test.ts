import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { conversations, messages } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { doubtGrace } from "@/inngest/functions/deliver-message";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { pendingItems, runsOf, startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startEvolutionMock, type EvolutionMock } from "@/tests/support/evolution-mock";
import { connectEvolution, deliverToRoute, newPhone, orgWithMember } from "./evolution-helpers";

let db: TestDatabase;
let h: Harness;
let mock: EvolutionMock;
beforeAll(async () => {
  mock = await startEvolutionMock({ deliver: deliverToRoute });
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
}, 180_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
});

const messageRow = async (id: string) => (await getDb().select().from(messages).where(eq(messages.id, id)))[0];
const sendRun = async (messageId: string) => (await runsOf("papo-send-message")).find((r) => r.event.data.messageId === messageId);

describe("an Evolution send whose answer is lost", () => {
  it("is recognised by the gateway's SEND_MESSAGE echo and never sent again; one never echoed is sent again after the grace", async () => {
    const { ctx, organization } = await orgWithMember("evo-doubt");
    const { channel, instanceName } = await connectEvolution(ctx, mock);
    await mock.link(instanceName);
    const phone = newPhone();
    await mock.customerSends(instanceName, { from: phone, pushName: "Rita", text: "Oi" });
    const conversation = await waitFor(
      async () => (await getDb().select().from(conversations).where(and(eq(conversations.organizationId, organization.id), eq(conversations.channelId, channel.id))))[0],
      "conversation",
      30_000,
    );
    const to = () => mock.sent.filter((s) => s.instance === instanceName && s.body.number === phone);
    const graceMs = Number(doubtGrace().replace(/s$/, "")) * 1000;
    // Once the send is done, or parked on its wait for a status (its timeout counts from when it parked): the grace passes.
    const passGraceIfWaiting = async (messageId: string) => {
      const run = await waitFor(async () => {
        const r = await sendRun(messageId);
        return r && (r.status === "completed" || (await pendingItems(r.id, "resolve")) > 0) ? r : null;
      }, "the send done or waiting", 30_000);
      if (run.status !== "completed") h.clock.advance(graceMs + 1_000);
    };

    // The gateway sends it and announces it, but Papo's request dies: the echo adopts the row.
    mock.fail({ sentThenDrop: true });
    const { message } = await queueOutboundMessage({ organizationId: organization.id, conversationId: conversation.id, message: { type: "text", body: "Pedido confirmado." }, sender: "user" });
    await waitFor(() => to().length === 1, "the gateway sent it", 30_000);
    await waitFor(async () => (await messageRow(message.id)).waMessageId === to()[0].id, "the echo matched to the row", 30_000);
    await passGraceIfWaiting(message.id);
    await waitFor(async () => (await sendRun(message.id))?.status === "completed", "the send settled", 30_000);
    expect(to()).toHaveLength(1);
    expect(await messageRow(message.id)).toMatchObject({ status: "sent", waMessageId: to()[0].id });

    // The connection dies before the gateway sends anything: no echo, so after the grace it is sent (once) again.
    mock.fail({ drop: true });
    const second = await queueOutboundMessage({ organizationId: organization.id, conversationId: conversation.id, message: { type: "text", body: "Saiu para entrega." }, sender: "user" });
    await waitFor(async () => (await messageRow(second.message.id)).sendDoubtSince !== null, "in doubt", 30_000);
    expect(to()).toHaveLength(1);
    await passGraceIfWaiting(second.message.id);
    await waitFor(() => to().length === 2, "sent again after the grace", 30_000);
    await waitFor(async () => (await messageRow(second.message.id)).waMessageId === to()[1].id, "stored", 30_000);
    expect(to().map((s) => s.body.text)).toEqual(["Pedido confirmado.", "Saiu para entrega."]);
  }, 120_000);
});
