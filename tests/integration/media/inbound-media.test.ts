import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { attachments, messages, type Attachment } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { MEDIA_RETRIES } from "@/inngest/functions/download-inbound-media";
import { GET as getAttachmentRoute } from "@/app/api/v1/orgs/[orgSlug]/attachments/[attachmentId]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { loadOrgContext } from "@/lib/auth/org-context";
import { createChannel } from "@/lib/channels/create-channel";
import { env, resetEnvForTests } from "@/lib/env";
import { signUp } from "@/lib/users/sign-up";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { runsOf, startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { EXE, JPEG, PDF } from "@/tests/support/media-bytes";
import { APP_SECRET, postToChannel, randomDigits, waitProcessed } from "@/tests/integration/whatsapp/helpers";

const ACCESS_TOKEN = "EAAG-media-test-token-0000000000000";
let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
type Org = { id: string; slug: string; channelId: string; phoneNumberId: string; token: string };
let org: Org;
let other: Org;

async function createOrg(label: string): Promise<Org> {
  const { user, organization } = await signUp({ name: label, email: `${label}-${randomDigits(6)}@example.test`, password: "password123", organizationName: label });
  const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  const phoneNumberId = randomDigits();
  const wabaId = randomDigits();
  mock.addPhoneNumber({ phoneNumberId, wabaId, accessToken: ACCESS_TOKEN });
  const channel = await createChannel(ctx, {
    provider: "cloud",
    name: "Main",
    displayPhoneNumber: "+5511955550123",
    phoneNumberId,
    wabaId,
    accessToken: ACCESS_TOKEN,
    appSecret: APP_SECRET,
  });
  const { token } = await createApiKey(ctx, { name: "reader", role: "viewer" });
  return { id: organization.id, slug: organization.slug, channelId: channel.id, phoneNumberId, token };
}

beforeAll(async () => {
  mock = await startGraphMock({ accessToken: ACCESS_TOKEN });
  process.env.META_GRAPH_API_URL = mock.url;
  process.env.META_GRAPH_API_VERSION = "v24.0";
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
  org = await createOrg("media");
  other = await createOrg("media-other");
});
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
  delete process.env.META_GRAPH_API_VERSION;
  resetEnvForTests();
});

let seq = 0;
/** Posts one inbound media message (Meta's shape) and waits until the webhook is processed. */
async function receive(kind: "image" | "document", media: { id: string; mime_type: string; filename?: string }) {
  const wamid = `wamid.MEDIA${Date.now()}${seq++}`;
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "104857392018274",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "5511955550123", phone_number_id: org.phoneNumberId },
              contacts: [{ profile: { name: "Cliente" }, wa_id: "5511987650001" }],
              messages: [{ from: "5511987650001", id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: kind, [kind]: { sha256: "x", ...media } }],
            },
          },
        ],
      },
    ],
  });
  const res = await postToChannel(org.channelId, body);
  expect(res.status).toBe(200);
  await waitProcessed([org.id]);
  const [message] = await getDb().select().from(messages).where(and(eq(messages.channelId, org.channelId), eq(messages.waMessageId, wamid)));
  expect(message).toBeDefined();
  return message;
}

async function attachmentOf(messageId: string): Promise<Attachment> {
  return waitFor(
    async () => (await getDb().select().from(attachments).where(eq(attachments.messageId, messageId)))[0],
    "attachment recorded",
    20_000,
  );
}

function fetchAttachment(as: Org, slug: string, attachmentId: string) {
  const req = new Request(`http://localhost/api/v1/orgs/${slug}/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${as.token}` } });
  return getAttachmentRoute(req, { params: Promise.resolve({ orgSlug: slug, attachmentId }) });
}

const mediaOfMessage = async (id: string) =>
  ((await getDb().select().from(messages).where(eq(messages.id, id)))[0].content as { media?: Record<string, unknown> }).media;

describe("inbound media", () => {
  it("an image is downloaded with the channel's token, stored, and served with its sniffed type", async () => {
    mock.media.set("9001", { data: Buffer.from(JPEG), mimeType: "image/jpeg" });
    const message = await receive("image", { id: "9001", mime_type: "image/jpeg" });
    const a = await attachmentOf(message.id);
    expect(a).toMatchObject({ organizationId: org.id, status: "stored", waMediaId: "9001", declaredMime: "image/jpeg", sniffedMime: "image/jpeg", sizeBytes: JPEG.length, blockReason: null });
    expect(a.storageKey).toMatch(new RegExp(`^${org.id}/[0-9a-f-]{36}\\.jpg$`));
    expect(fs.existsSync(path.join(env().dataDir, "media", ...a.storageKey!.split("/")))).toBe(true);
    expect(await mediaOfMessage(message.id)).toEqual({ attachmentId: a.id, status: "stored" });
    const downloads = mock.calls.filter((c) => c.path.startsWith("/media-download/9001"));
    expect(downloads.length).toBe(1);
    expect(downloads[0].authorization).toBe(`Bearer ${ACCESS_TOKEN}`);

    const res = await fetchAttachment(org, org.slug, a.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(JPEG);

    // Another organization cannot see it: 404, as for an attachment that does not exist.
    const foreign = await fetchAttachment(other, other.slug, a.id);
    expect(foreign.status).toBe(404);
  });

  it("an .exe declared as image/jpeg is blocked with its reason, never stored, and the route refuses it", async () => {
    mock.media.set("9002", { data: Buffer.from(EXE), mimeType: "image/jpeg" });
    const message = await receive("image", { id: "9002", mime_type: "image/jpeg" });
    const a = await attachmentOf(message.id);
    expect(a).toMatchObject({ status: "blocked", storageKey: null, declaredMime: "image/jpeg", sniffedMime: "application/x-msdownload", sizeBytes: EXE.length });
    expect(a.blockReason).toMatch(/\.exe.*declared as image\/jpeg/);
    expect(await mediaOfMessage(message.id)).toEqual({ attachmentId: a.id, status: "blocked", reason: a.blockReason });
    expect(fs.readdirSync(path.join(env().dataDir, "media", org.id)).filter((f) => f.endsWith(".exe"))).toEqual([]);

    const res = await fetchAttachment(org, org.slug, a.id);
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body).toEqual({ error: { code: "forbidden", message: `Blocked: ${a.blockReason}` } });
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
  });

  it("a document downloads as an attachment, with the sniffed type", async () => {
    mock.media.set("9003", { data: Buffer.from(PDF), mimeType: "application/pdf" });
    const message = await receive("document", { id: "9003", mime_type: "application/pdf", filename: "../../pedido 42.pdf" });
    const a = await attachmentOf(message.id);
    expect(a).toMatchObject({ status: "stored", sniffedMime: "application/pdf" });
    const res = await fetchAttachment(org, org.slug, a.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="pedido 42\.pdf"/);
  });

  it("a 5xx on download is retried by the step, then succeeds", async () => {
    mock.media.set("9004", { data: Buffer.from(JPEG), mimeType: "image/jpeg" });
    mock.failMediaDownloads(500, 503);
    const message = await receive("image", { id: "9004", mime_type: "image/jpeg" });
    const a = await attachmentOf(message.id);
    expect(a.status).toBe("stored");
    expect(mock.calls.filter((c) => c.path.startsWith("/media-download/9004")).length).toBe(3);
  });

  it("after the last retry the attachment is failed with the reason; the message stays", async () => {
    mock.media.set("9005", { data: Buffer.from(JPEG), mimeType: "image/jpeg" });
    mock.failMediaDownloads(...new Array(MEDIA_RETRIES + 1).fill(500));
    const message = await receive("image", { id: "9005", mime_type: "image/jpeg" });
    const a = await attachmentOf(message.id);
    expect(a).toMatchObject({ status: "failed", storageKey: null });
    expect(a.blockReason).toMatch(/^Download failed: .*500/);
    expect(mock.calls.filter((c) => c.path.startsWith("/media-download/9005")).length).toBe(MEDIA_RETRIES + 1);
    expect(await mediaOfMessage(message.id)).toMatchObject({ attachmentId: a.id, status: "failed" });
    const res = await fetchAttachment(org, org.slug, a.id);
    expect(res.status).toBe(404);
  });

  it("an unknown media id (Graph 4xx) fails at once, without retries", async () => {
    const message = await receive("image", { id: "9999", mime_type: "image/jpeg" });
    const a = await attachmentOf(message.id);
    expect(a.status).toBe("failed");
    expect(a.blockReason).toMatch(/Graph API refused the download/);
    expect(mock.calls.filter((c) => c.path.startsWith("/v24.0/9999")).length).toBe(1);
  });

  it("every download run completed (none left failed)", async () => {
    // The last run may still be returning after its record-failure step.
    const runs = await waitFor(async () => {
      const all = await runsOf("papo-download-inbound-media");
      return all.length === 6 && all.every((r) => r.status !== "running" && r.status !== "queued") ? all : undefined;
    }, "download runs finished");
    expect(runs.map((r) => [r.status, r.error])).toEqual(runs.map(() => ["completed", null]));
  });
});
