import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { contacts, conversations } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { sendMessage } from "@/inngest/functions/send-message";
import { createChannel } from "@/lib/channels/create-channel";
import { loadOrgContext } from "@/lib/auth/org-context";
import { resetEnvForTests } from "@/lib/env";
import { signUp } from "@/lib/users/sign-up";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { runsOf, sleep, startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";

const ACCESS_TOKEN = "EAAG-test-token-for-the-graph-mock-000";
const FN = "papo-send-message";
const RATE = 2;

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
const numbers = { busy: "118293746500001", quiet: "118293746500002" };
const conv: Record<keyof typeof numbers, string> = { busy: "", quiet: "" };

beforeAll(async () => {
  // Read when the functions register (startHarness): a rate small enough to watch on the executor's manual clock.
  process.env.WHATSAPP_SEND_RATE_PER_SECOND = String(RATE);
  resetEnvForTests();
  mock = await startGraphMock({ accessToken: ACCESS_TOKEN });
  process.env.META_GRAPH_API_URL = mock.url;
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions: [sendMessage] });
  const { user, organization } = await signUp({ name: "A", email: "rate@example.test", password: "password123", organizationName: "Rate" });
  const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  for (const which of ["busy", "quiet"] as const) {
    mock.addPhoneNumber({ phoneNumberId: numbers[which], wabaId: "104857392018274", accessToken: ACCESS_TOKEN });
    const channel = await createChannel(ctx, {
      provider: "cloud",
      name: which,
      displayPhoneNumber: which === "busy" ? "+5511955550001" : "+5511955550002",
      phoneNumberId: numbers[which],
      wabaId: "104857392018274",
      accessToken: ACCESS_TOKEN,
      appSecret: "0123456789abcdef0123456789abcdef",
    });
    const [contact] = await getDb()
      .insert(contacts)
      .values({ organizationId: organization.id, channelId: channel.id, waId: "5511987650001", phoneE164: "+5511987650001" })
      .returning();
    const [c] = await getDb()
      .insert(conversations)
      .values({ organizationId: organization.id, channelId: channel.id, contactId: contact.id, windowExpiresAt: new Date(Date.now() + 3_600_000) })
      .returning();
    conv[which] = c.id;
  }
  orgId = organization.id;
});
let orgId: string;
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
  delete process.env.WHATSAPP_SEND_RATE_PER_SECOND;
  resetEnvForTests();
});

const sentFrom = (which: keyof typeof numbers) => mock.messageCalls().filter((c) => c.path.endsWith(`/${numbers[which]}/messages`)).length;
const queue = (which: keyof typeof numbers, n: number) =>
  queueOutboundMessage({ organizationId: orgId, conversationId: conv[which], message: { type: "text", body: `${which} ${n}` }, sender: "campaign" });

describe("send-message: per-number throughput", () => {
  it("one number never exceeds WHATSAPP_SEND_RATE_PER_SECOND; another number is not held back", async () => {
    for (let n = 1; n <= 5; n++) await queue("busy", n);
    for (let n = 1; n <= 2; n++) await queue("quiet", n);
    const events = (await runsOf(FN)).map((r) => r.event.data);
    expect(events.every((d) => typeof d.channelId === "string")).toBe(true);

    // Within the first second of the (manual) clock: RATE sends from each number; the quiet number's are not
    // stuck behind the busy number's backlog.
    await waitFor(() => sentFrom("busy") === RATE && sentFrom("quiet") === 2, "the first second's sends");
    await sleep(400);
    expect(sentFrom("busy")).toBe(RATE);
    expect(mock.messages).toHaveLength(RATE + 2);

    // Each further second lets RATE more through; nothing is dropped.
    h.clock.advance(1_000);
    await waitFor(() => sentFrom("busy") === 2 * RATE, "the second second's sends");
    await sleep(400);
    expect(sentFrom("busy")).toBe(2 * RATE);
    h.clock.advance(1_000);
    await waitFor(() => sentFrom("busy") === 5, "the last send");
    await waitFor(async () => (await runsOf(FN)).filter((r) => r.status === "completed").length === 7, "every run to complete");
    expect(mock.messages.map((m) => (m.body as { text: { body: string } }).text.body).filter((b) => b.startsWith("busy")).sort()).toEqual([
      "busy 1",
      "busy 2",
      "busy 3",
      "busy 4",
      "busy 5",
    ]);
  });
});
