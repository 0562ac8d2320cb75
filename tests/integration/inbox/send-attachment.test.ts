import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { messages } from "@/db/schema";
import { sendAttachment } from "@/lib/inbox/send-attachment";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { PNG } from "../../support/media-bytes";
import { createConversation, createInboxOrg, type InboxOrg } from "./fixtures";

// The rules that come before the upload: the fixture's channel has no Graph API behind it, so reaching the upload
// would fail differently — these refusals prove nothing was uploaded or stored. (Upload, sniffing and sending:
// tests/e2e/inbox-attachments.test.ts.)
let db: TestDatabase;
let org: InboxOrg;
type Ctx = Awaited<ReturnType<InboxOrg["as"]>>;
let agentA: Ctx, agentB: Ctx;
const png = { data: PNG, declaredType: "image/png", filename: "photo.png" };

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createInboxOrg("attachments");
  [agentA, agentB] = [await org.as("agent"), await org.as("agent")];
});
afterAll(async () => db.drop());

describe("sendAttachment before the upload", () => {
  it("outside the 24-hour window: 409 naming the window, nothing stored", async () => {
    const c = await createConversation(org, { windowExpiresAt: new Date(Date.now() - 1000) });
    await expect(sendAttachment(agentA, c.id, png)).rejects.toMatchObject({ code: "conflict", issues: [{ path: "window", message: "outside_window" }] });
    expect(await getDb().select().from(messages).where(and(eq(messages.organizationId, org.owner.org.id), eq(messages.conversationId, c.id)))).toHaveLength(0);
  });

  it("the agent rule: another agent's conversation is 403", async () => {
    const c = await createConversation(org, { windowExpiresAt: new Date(Date.now() + 3600_000), assigneeId: agentB.userId });
    await expect(sendAttachment(agentA, c.id, png)).rejects.toMatchObject({ code: "forbidden" });
  });
});
