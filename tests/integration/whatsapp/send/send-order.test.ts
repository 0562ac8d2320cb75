import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { contacts, conversations } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { sendMessage } from "@/inngest/functions/send-message";
import { createChannel } from "@/lib/channels/create-channel";
import { loadOrgContext } from "@/lib/auth/org-context";
import { signUp } from "@/lib/users/sign-up";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { runsOf, startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";

const ACCESS_TOKEN = "EAAG-test-token-for-the-graph-mock-000";
const FN = "papo-send-message";

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let orgId = "";
const conv = { a: "", b: "" };

beforeAll(async () => {
  mock = await startGraphMock({ accessToken: ACCESS_TOKEN });
  process.env.META_GRAPH_API_URL = mock.url;
  db = await createTestDatabase();
  // Two executors: without the per-conversation key, a second worker would send message 2 while 1 is in flight.
  h = await startHarness({ client: inngest, functions: [sendMessage] });
  await h.startAnotherExecutor();
  const { user, organization } = await signUp({ name: "A", email: "order@example.test", password: "password123", organizationName: "Order" });
  orgId = organization.id;
  const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  mock.addPhoneNumber({ phoneNumberId: "118293746500011", wabaId: "104857392018274", accessToken: ACCESS_TOKEN });
  const channel = await createChannel(ctx, {
    provider: "cloud",
    name: "main",
    displayPhoneNumber: "+5511955550011",
    phoneNumberId: "118293746500011",
    wabaId: "104857392018274",
    accessToken: ACCESS_TOKEN,
    appSecret: "0123456789abcdef0123456789abcdef",
  });
  for (const [which, waId] of [["a", "5511987650011"], ["b", "5511987650012"]] as const) {
    const [contact] = await getDb()
      .insert(contacts)
      .values({ organizationId: orgId, channelId: channel.id, waId, phoneE164: `+${waId}` })
      .returning();
    const [c] = await getDb()
      .insert(conversations)
      .values({ organizationId: orgId, channelId: channel.id, contactId: contact.id, windowExpiresAt: new Date(Date.now() + 3_600_000) })
      .returning();
    conv[which] = c.id;
  }
});
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});

const bodies = () => mock.messages.map((m) => (m.body as { text: { body: string } }).text.body);

describe("send-message: order within a conversation", () => {
  it("sends a conversation's messages one at a time, in the order they were queued", async () => {
    // The first send is slow at Meta's end; the next two are queued while it is in flight.
    mock.fail({ delayMs: 600 });
    for (const n of [1, 2, 3]) {
      await queueOutboundMessage({ organizationId: orgId, conversationId: conv.a, message: { type: "text", body: `a${n}` }, sender: "bot" });
    }
    await queueOutboundMessage({ organizationId: orgId, conversationId: conv.b, message: { type: "text", body: "b1" }, sender: "bot" });
    await waitFor(async () => (await runsOf(FN)).filter((r) => r.status === "completed").length === 4, "all four sends", 20_000);
    const order = bodies();
    expect(order.filter((b) => b.startsWith("a"))).toEqual(["a1", "a2", "a3"]);
    // Another conversation is not held behind the slow one: its message went out before a1's slow answer came back.
    expect(order.indexOf("b1")).toBeLessThan(order.indexOf("a2"));
  });
});
