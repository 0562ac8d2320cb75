import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { attachments, contacts, messages, type Attachment } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { GET as getAttachmentRoute } from "@/app/api/v1/orgs/[orgSlug]/attachments/[attachmentId]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, waitFor, type Harness } from "@/tests/support/executor/harness";
import { startEvolutionMock, type EvolutionMock } from "@/tests/support/evolution-mock";
import { EXE, JPEG, OGG_OPUS, PDF } from "@/tests/support/media-bytes";
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

async function inbound(organizationId: string, gatewayId: string) {
  return waitFor(async () => (await getDb().select().from(messages).where(and(eq(messages.organizationId, organizationId), eq(messages.waMessageId, gatewayId))))[0], "message stored", 30_000);
}
async function settled(messageId: string): Promise<Attachment> {
  return waitFor(async () => (await getDb().select().from(attachments).where(eq(attachments.messageId, messageId)))[0], "attachment settled", 30_000);
}

describe("media a customer sends to an Evolution number", () => {
  it("is fetched through the gateway by the message's id, checked and stored like Cloud media, and served to the inbox", async () => {
    const { ctx, organization } = await orgWithMember("evo-media");
    const { instanceName } = await connectEvolution(ctx, mock);
    await mock.link(instanceName);
    const { token } = await createApiKey(ctx, { name: "reader", role: "viewer" });
    const phone = newPhone();

    const photo = await mock.customerSends(instanceName, { from: phone, pushName: "Lia", media: { kind: "image", bytes: JPEG, mimetype: "image/jpeg", caption: "A nota fiscal" } });
    const message = await inbound(organization.id, photo.id);
    expect(message).toMatchObject({ direction: "inbound", type: "image" });
    expect((message.content as { image: Record<string, unknown> }).image).toMatchObject({ id: photo.id, mime_type: "image/jpeg", caption: "A nota fiscal" });
    const a = await settled(message.id);
    expect(a).toMatchObject({ status: "stored", waMediaId: photo.id, sniffedMime: "image/jpeg", sizeBytes: JPEG.length });
    expect(mock.calls.filter((c) => c.path === `/chat/getBase64FromMediaMessage/${instanceName}`).map((c) => c.body)).toEqual([{ message: { key: { id: photo.id } }, convertToMp4: false }]);
    const res = await getAttachmentRoute(new Request(`http://localhost/x`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ orgSlug: organization.slug, attachmentId: a.id }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(JPEG));

    // A voice note and a document the same way; bytes that are not what they claim are blocked, not stored.
    const voice = await mock.customerSends(instanceName, { from: phone, media: { kind: "audio", bytes: OGG_OPUS, mimetype: "audio/ogg; codecs=opus" } });
    expect(await settled((await inbound(organization.id, voice.id)).id)).toMatchObject({ status: "stored", sniffedMime: "audio/ogg" });
    const doc = await mock.customerSends(instanceName, { from: phone, media: { kind: "document", bytes: PDF, mimetype: "application/pdf", fileName: "boleto.pdf" } });
    const docRow = await inbound(organization.id, doc.id);
    expect((docRow.content as { document: Record<string, unknown> }).document).toMatchObject({ filename: "boleto.pdf" });
    expect(await settled(docRow.id)).toMatchObject({ status: "stored", sniffedMime: "application/pdf" });
    const fake = await mock.customerSends(instanceName, { from: phone, media: { kind: "document", bytes: EXE, mimetype: "application/pdf", fileName: "boleto.pdf" } });
    expect(await settled((await inbound(organization.id, fake.id)).id)).toMatchObject({ status: "blocked", storageKey: null });
    expect(await getDb().select().from(contacts).where(eq(contacts.organizationId, organization.id))).toHaveLength(1);
  }, 120_000);
});
