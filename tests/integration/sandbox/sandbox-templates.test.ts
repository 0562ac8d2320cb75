import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as sandboxGraph from "@/app/api/sandbox/graph/[...path]/route";
import * as channelWebhook from "@/app/api/webhooks/whatsapp/[channelId]/route";
import { getDb } from "@/db";
import { sandboxTemplates, templates, webhookEvents } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { processWebhookEvent } from "@/inngest/functions/process-webhook-event";
import { sandboxReviewTemplate } from "@/inngest/functions/sandbox-review-template";
import { syncTemplatesFunction } from "@/inngest/functions/sync-templates";
import { loadOrgContext } from "@/lib/auth/org-context";
import { createChannel } from "@/lib/channels/create-channel";
import { signUp } from "@/lib/users/sign-up";
import { graphClientForChannel } from "@/lib/whatsapp/graph/graph-client-for-channel";
import { templateDraftSchema } from "@/lib/whatsapp/templates/draft/template-draft-schema";
import { deleteTemplate } from "@/lib/whatsapp/templates/manage/delete-template";
import { editTemplate } from "@/lib/whatsapp/templates/manage/edit-template";
import { submitTemplate } from "@/lib/whatsapp/templates/manage/submit-template";
import { syncTemplatesForChannel } from "@/lib/whatsapp/templates/sync-templates";
import { startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startLoopbackRoutes } from "@/tests/support/loopback-routes";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let db: TestDatabase;
let h: Harness;
let server: Awaited<ReturnType<typeof startLoopbackRoutes>>;
let org: { id: string; ctx: Awaited<ReturnType<typeof loadOrgContext>>; channelId: string };

const draft = (name: string) =>
  templateDraftSchema.parse({
    name,
    category: "UTILITY",
    language: "en_US",
    body: { text: "Hi {{1}}, your code {{2}} is ready.", examples: { 1: "Ana", 2: "X1" } },
    buttons: [{ type: "url", text: "Open", url: "https://papo.example/o/{{1}}", example: "https://papo.example/o/1" }],
  });
/** Moves the executor's manual clock past the sandbox's review sleep until the template reaches `status`. */
const reviewed = (name: string, status: string) =>
  waitFor(
    async () => {
      h.clock.advance(1000);
      const r = await row(name);
      return r?.status === status ? r : undefined;
    },
    `${name} ${status}`,
    20_000,
  );
const row = async (name: string) => (await getDb().select().from(templates).where(and(eq(templates.organizationId, org.id), eq(templates.name, name))))[0];

beforeAll(async () => {
  // The sandbox's Graph API and the channel's webhook route, served over loopback like the product serves them.
  server = await startLoopbackRoutes([
    { prefix: "/api/sandbox/graph/", params: (rest) => ({ path: rest }), module: sandboxGraph as never },
    { prefix: "/api/webhooks/whatsapp/", params: (rest) => ({ channelId: rest[0] }), module: channelWebhook as never },
  ]);
  process.env.PORT = String(server.port);
  process.env.HOSTNAME = "127.0.0.1";
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions: [processWebhookEvent, sandboxReviewTemplate, syncTemplatesFunction] });
  const { user, organization } = await signUp({ name: "sbx", email: "sbx-templates@example.test", password: "password123", organizationName: "sbx" });
  const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  const channel = await createChannel(ctx, { provider: "sandbox", name: "Sandbox", displayPhoneNumber: "+15550000001" });
  org = { id: organization.id, ctx, channelId: channel.id };
}, 180_000);
afterAll(async () => {
  await h?.close();
  await server?.close();
  await db?.drop();
  delete process.env.PORT;
  delete process.env.HOSTNAME;
});

describe("templates on a sandbox number", () => {
  it("are accepted PENDING and approved a few seconds later through the signed status webhook", async () => {
    const submitted = await submitTemplate(org.ctx, { channelId: org.channelId, draft: draft("sandbox_hello") });
    expect(submitted.status).toBe("PENDING");
    // Not before the review's durable sleep is over.
    await new Promise((r) => setTimeout(r, 500));
    expect((await row("sandbox_hello")).status).toBe("PENDING");
    const approved = await reviewed("sandbox_hello", "APPROVED");
    expect(approved).toMatchObject({ metaTemplateId: submitted.metaTemplateId, category: "UTILITY" });
    // The verdict came in as a webhook like Meta's: stored, signed, processed.
    // The template row commits before the webhook row's final mark (the outcomes travel with it): wait for the mark.
    const verdict = await waitFor(async () => {
      const events = await getDb().select().from(webhookEvents).where(eq(webhookEvents.organizationId, org.id));
      const row = events.find((e) => Buffer.from(e.rawBody).toString("utf8").includes("message_template_status_update"));
      return row?.status === "received" ? undefined : row;
    }, "the status webhook's row marked");
    expect(verdict).toMatchObject({ signatureValid: true, status: "processed", headers: expect.objectContaining({ "user-agent": "papo-sandbox" }) });
    // A sync keeps it (the sandbox's Graph API lists what was submitted next to its demo templates).
    await syncTemplatesForChannel(org.id, org.channelId);
    expect((await row("sandbox_hello")).status).toBe("APPROVED");
  }, 30_000);

  it("rejects a reject_… template with a reason; editing it goes back to review; deleting removes it at 'Meta'", async () => {
    await submitTemplate(org.ctx, { channelId: org.channelId, draft: draft("reject_me") });
    const rejected = await reviewed("reject_me", "REJECTED");
    expect(rejected.rejectionReason).toContain("reject_");
    const edited = await editTemplate(org.ctx, rejected.id, { ...draft("reject_me"), footer: "Edited" });
    expect(edited.status).toBe("PENDING");
    await reviewed("reject_me", "REJECTED");
    await deleteTemplate(org.ctx, rejected.id, { allLanguages: true });
    expect(await getDb().select().from(sandboxTemplates).where(eq(sandboxTemplates.name, "reject_me"))).toEqual([]);
  }, 40_000);

  it("refuses a name already taken and serves the resumable upload with a handle", async () => {
    const again = await submitTemplate(org.ctx, { channelId: org.channelId, draft: draft("sandbox_hello") }).catch((e: Error & { issues?: { path: string }[] }) => e);
    expect((again as { issues?: { path: string }[] }).issues?.[0].path).toBe("name");
    const { getChannelOrThrow } = await import("@/lib/channels/get-channel-or-throw");
    const client = graphClientForChannel(await getChannelOrThrow(org.id, org.channelId));
    const { handle } = await client.uploadTemplateSample({ data: new Uint8Array([1, 2, 3]), mimeType: "image/png", filename: "s.png" });
    expect(handle).toMatch(/^4::sandbox-/);
  });
});
