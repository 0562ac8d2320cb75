import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, templates } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { processWebhookEvent } from "@/inngest/functions/process-webhook-event";
import { syncTemplatesFunction } from "@/inngest/functions/sync-templates";
import { AppError } from "@/lib/errors";
import { templateDraftSchema, type TemplateDraftInput } from "@/lib/whatsapp/templates/draft/template-draft-schema";
import { deleteTemplate } from "@/lib/whatsapp/templates/manage/delete-template";
import { duplicateTemplate } from "@/lib/whatsapp/templates/manage/duplicate-template";
import { editTemplate } from "@/lib/whatsapp/templates/manage/edit-template";
import { submitTemplate } from "@/lib/whatsapp/templates/manage/submit-template";
import { syncTemplatesForChannel } from "@/lib/whatsapp/templates/sync-templates";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { startHarness, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, templateStatusWebhook, type GraphMock } from "@/tests/support/graph-mock";
import { createOrgWithChannel, postToChannel, waitProcessed, type TestChannel } from "../helpers";

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let ch: TestChannel;

const draftInput: TemplateDraftInput = {
  name: "order_shipped",
  category: "UTILITY",
  language: "en_US",
  header: { type: "text", text: "Order {{1}}", examples: { 1: "#1042" } },
  body: { text: "Hi {{1}}, your order {{2}} is on its way.", examples: { 1: "Ana", 2: "#1042" } },
  footer: "Papo Shop",
  buttons: [{ type: "url", text: "Track", url: "https://shop.example/t/{{1}}", example: "https://shop.example/t/1042" }],
};
const draft = (over: Partial<TemplateDraftInput> = {}) => templateDraftSchema.parse({ ...draftInput, ...over });
const rowById = async (id: string) => (await getDb().select().from(templates).where(eq(templates.id, id)))[0];
const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

beforeAll(async () => {
  mock = await startGraphMock();
  process.env.META_GRAPH_API_URL = mock.url;
  process.env.META_GRAPH_API_VERSION = "v24.0";
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions: [processWebhookEvent, syncTemplatesFunction] });
  ch = await createOrgWithChannel("tplmanage");
}, 180_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});
beforeEach(() => mock.reset());

describe("template management against the Graph API mock", () => {
  it("submits a draft as Meta's create request, mirrors it PENDING, and a REJECTED webhook later brings Meta's reason", async () => {
    const row = await submitTemplate(ch.ctx, { channelId: ch.channelId, draft: draft() });
    const call = mock.calls.find((c) => c.method === "POST" && c.path === `/v24.0/${ch.wabaId}/message_templates`)!;
    expect(call.body).toMatchObject({
      name: "order_shipped",
      language: "en_US",
      category: "UTILITY",
      parameter_format: "positional",
      components: [
        { type: "HEADER", format: "TEXT", text: "Order {{1}}", example: { header_text: ["#1042"] } },
        { type: "BODY", example: { body_text: [["Ana", "#1042"]] } },
        { type: "FOOTER", text: "Papo Shop" },
        { type: "BUTTONS", buttons: [{ type: "URL", url: "https://shop.example/t/{{1}}", example: ["https://shop.example/t/1042"] }] },
      ],
    });
    expect(row).toMatchObject({ status: "PENDING", metaTemplateId: mock.templates[0].id, category: "UTILITY", requestedCategory: "UTILITY", channelId: ch.channelId });

    const body = templateStatusWebhook(ch.wabaId, mock.templates[0], "REJECTED", {
      reason: "INVALID_FORMAT",
      rejectionInfo: { reason: "Two variables are adjacent.", recommendation: "Put words between them." },
    });
    expect((await postToChannel(ch.channelId, body)).status).toBe(200);
    await waitProcessed([ch.organizationId]);
    expect(await rowById(row.id)).toMatchObject({ status: "REJECTED", rejectionReason: "Two variables are adjacent." });
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.organizationId, ch.organizationId), eq(auditLog.targetId, row.id)));
    expect(audit.map((a) => a.action)).toContain("templates.submitted");
  });

  it("writes nothing when Meta refuses the submission, and names the field for a name already taken", async () => {
    mock.failTemplates({ metaError: { code: 100, subcode: 2388299, title: "Variables can't be at the start or end of the template", message: "Edit the body." } });
    const err = await refusal(submitTemplate(ch.ctx, { channelId: ch.channelId, draft: draft({ name: "refused_one" }) }));
    expect(err.status).toBe(422);
    expect(err.message).toContain("Variables can't be at the start or end");
    expect(await getDb().select().from(templates).where(and(eq(templates.organizationId, ch.organizationId), eq(templates.name, "refused_one")))).toEqual([]);

    mock.templates = [{ id: "77", name: "taken", language: "en_US", status: "APPROVED", category: "UTILITY" }];
    const taken = await refusal(submitTemplate(ch.ctx, { channelId: ch.channelId, draft: draft({ name: "taken" }) }));
    expect(taken.issues?.[0].path).toBe("name");
  });

  it("refuses a draft that breaks Meta's rules before calling Meta", async () => {
    const err = await refusal(submitTemplate(ch.ctx, { channelId: ch.channelId, draft: draft({ body: { text: "{{1}} shipped", examples: {} } }) }));
    expect(err.status).toBe(422);
    expect(err.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(["body.text", "body.examples.1"]));
    expect(mock.calls).toEqual([]);
  });

  it("edits a rejected template (components replaced, back to PENDING) and refuses to edit one in review", async () => {
    mock.failTemplates({ status: "REJECTED", reason: "INVALID_FORMAT" });
    const row = await submitTemplate(ch.ctx, { channelId: ch.channelId, draft: draft({ name: "edit_me" }) });
    expect(row.status).toBe("REJECTED");
    const edited = await editTemplate(ch.ctx, row.id, draft({ name: "edit_me", footer: "New footer" }));
    expect(edited).toMatchObject({ status: "PENDING", rejectionReason: null });
    const call = mock.calls.find((c) => c.method === "POST" && c.path === `/v24.0/${row.metaTemplateId}`)!;
    expect((call.body as { components: { type: string; text?: string }[] }).components.find((c) => c.type === "FOOTER")?.text).toBe("New footer");
    expect(mock.templates.find((t) => t.id === row.metaTemplateId)?.status).toBe("PENDING");

    const again = await refusal(editTemplate(ch.ctx, row.id, draft({ name: "edit_me" })));
    expect(again.status).toBe(409);
    const renamed = await refusal(editTemplate(ch.ctx, row.id, draft({ name: "other_name" })));
    expect(renamed.issues?.[0].path).toBe("name");
  });

  it("duplicates a template under a new name, and a category Meta changed is kept next to the one asked for", async () => {
    const source = await submitTemplate(ch.ctx, { channelId: ch.channelId, draft: draft({ name: "dup_source", category: "MARKETING" }) });
    const copy = await duplicateTemplate(ch.ctx, source.id, { name: "dup_copy", language: "pt_BR" });
    expect(copy).toMatchObject({ name: "dup_copy", language: "pt_BR", status: "PENDING" });
    expect(copy.components).toEqual(source.components);

    const body = templateStatusWebhook(ch.wabaId, mock.templates.find((t) => t.name === "dup_copy")!, "APPROVED", { category: "UTILITY" });
    await postToChannel(ch.channelId, body);
    await waitProcessed([ch.organizationId]);
    expect(await rowById(copy.id)).toMatchObject({ status: "APPROVED", category: "UTILITY", requestedCategory: "MARKETING" });
  });

  it("deletes one language by hsm_id, or every language by name; a sync afterwards agrees", async () => {
    const en = await submitTemplate(ch.ctx, { channelId: ch.channelId, draft: draft({ name: "bye" }) });
    const pt = await submitTemplate(ch.ctx, { channelId: ch.channelId, draft: draft({ name: "bye", language: "pt_BR" }) });
    const es = await submitTemplate(ch.ctx, { channelId: ch.channelId, draft: draft({ name: "bye", language: "es" }) });

    expect(await deleteTemplate(ch.ctx, en.id, { allLanguages: false })).toEqual({ deleted: 1 });
    const one = mock.calls.find((c) => c.method === "DELETE")!;
    expect(one.path).toBe(`/v24.0/${ch.wabaId}/message_templates?name=bye&hsm_id=${en.metaTemplateId}`);
    expect((await rowById(en.id)).status).toBe("DELETED");
    expect((await rowById(pt.id)).status).toBe("PENDING");

    expect(await deleteTemplate(ch.ctx, pt.id, { allLanguages: true })).toEqual({ deleted: 2 });
    expect((await rowById(es.id)).status).toBe("DELETED");
    expect(mock.templates.filter((t) => t.name === "bye")).toEqual([]);
    expect((await refusal(deleteTemplate(ch.ctx, pt.id, { allLanguages: true }))).status).toBe(409);

    await syncTemplatesForChannel(ch.organizationId, ch.channelId);
    expect((await rowById(pt.id)).status).toBe("DELETED");
  });

  it("uploads a media sample through the resumable upload API and gets a handle", async () => {
    const { graphClientForChannel } = await import("@/lib/whatsapp/graph/graph-client-for-channel");
    const { getChannelOrThrow } = await import("@/lib/channels/get-channel-or-throw");
    const client = graphClientForChannel(await getChannelOrThrow(ch.organizationId, ch.channelId));
    const data = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const { handle } = await client.uploadTemplateSample({ data, mimeType: "image/jpeg", filename: "sample.jpg" });
    expect(mock.uploads.get(handle)).toMatchObject({ mimeType: "image/jpeg", fileName: "sample.jpg" });
    expect([...mock.uploads.get(handle)!.data]).toEqual([...data]);
    const [open, put] = mock.calls;
    expect(open.path).toBe("/v24.0/app/uploads?file_name=sample.jpg&file_length=7&file_type=image%2Fjpeg");
    expect(put.authorization).toMatch(/^OAuth /);
  });
});
