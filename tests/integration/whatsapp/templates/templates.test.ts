import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, channels, contacts, conversations, messages, templates } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { processWebhookEvent } from "@/inngest/functions/process-webhook-event";
import { sendMessage } from "@/inngest/functions/send-message";
import { syncAllTemplates, syncTemplatesFunction } from "@/inngest/functions/sync-templates";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { listTemplates } from "@/lib/whatsapp/templates/list-templates";
import { toTemplateView } from "@/lib/whatsapp/templates/template-view";
import { syncTemplatesForChannel } from "@/lib/whatsapp/templates/sync-templates";
import { TemplateSendError } from "@/lib/whatsapp/templates/assert-template-parameters";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { runsOf, startHarness, waitFor, waitForRuns, type Harness } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock, type MockTemplate } from "@/tests/support/graph-mock";
import { createOrgWithChannel, fixture, postToChannel, waitProcessed, type TestChannel } from "../helpers";

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let ch: TestChannel;

const namedComponents = [
  { type: "HEADER", format: "TEXT", text: "Pedido {{order_number}}" },
  { type: "BODY", text: "Oi {{first_name}}, seu pedido {{order_number}} foi confirmado." },
  { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Ajuda" }, { type: "URL", text: "Rastrear", url: "https://loja.example.com/r/{{1}}" }] },
];
const positionalComponents = [{ type: "BODY", text: "Use o cupom {{1}} em {{2}} dias." }];

/** 150 templates: with Papo's page size of 100, Meta (the mock) answers in two pages. */
function metaTemplates(): MockTemplate[] {
  const list: MockTemplate[] = [
    { id: "9001", name: "pedido_confirmado", language: "pt_BR", status: "APPROVED", category: "UTILITY", components: namedComponents },
    { id: "9002", name: "lembrete_cupom", language: "pt_BR", status: "APPROVED", category: "MARKETING", components: positionalComponents },
    { id: "9003", name: "promo_pendente", language: "pt_BR", status: "PENDING", category: "MARKETING", components: positionalComponents },
  ];
  for (let i = 0; list.length < 150; i++) {
    list.push({ id: String(10_000 + i), name: `bulk_${i}`, language: i % 2 ? "en_US" : "pt_BR", status: "APPROVED", category: "UTILITY", components: [{ type: "BODY", text: `Olá {{1}} #${i}` }] });
  }
  return list;
}

const rowsOf = (organizationId: string) => getDb().select().from(templates).where(eq(templates.organizationId, organizationId));

beforeAll(async () => {
  mock = await startGraphMock();
  process.env.META_GRAPH_API_URL = mock.url;
  process.env.META_GRAPH_API_VERSION = "v24.0";
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions: [processWebhookEvent, syncTemplatesFunction, syncAllTemplates, sendMessage] });
  ch = await createOrgWithChannel("templates");
});
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});
beforeEach(() => mock.reset());

describe("template sync", () => {
  it("pages through Meta's list and upserts every template; a second sync updates status and marks missing ones DELETED", async () => {
    mock.templates = metaTemplates();
    const first = await syncTemplatesForChannel(ch.organizationId, ch.channelId);
    expect(first).toEqual({ fetched: 150, upserted: 150, markedDeleted: 0 });
    const pages = mock.calls.filter((c) => c.path.includes("/message_templates"));
    expect(pages).toHaveLength(2);
    expect(pages[0].path).toContain(`/v24.0/${ch.wabaId}/message_templates?`);
    expect(pages[1].path).toContain("after=100");

    const rows = await rowsOf(ch.organizationId);
    expect(rows).toHaveLength(150);
    const pedido = rows.find((r) => r.name === "pedido_confirmado")!;
    expect(pedido).toMatchObject({ wabaId: ch.wabaId, channelId: ch.channelId, metaTemplateId: "9001", language: "pt_BR", category: "UTILITY", status: "APPROVED", components: namedComponents });

    // Meta: one template paused (with a quality score), one gone.
    mock.reset();
    mock.templates = metaTemplates()
      .filter((t) => t.name !== "bulk_0")
      .map((t) => (t.name === "lembrete_cupom" ? { ...t, status: "PAUSED", quality_score: { score: "RED", date: 1790000000 } } : t));
    const second = await syncTemplatesForChannel(ch.organizationId, ch.channelId);
    expect(second).toEqual({ fetched: 149, upserted: 149, markedDeleted: 1 });
    const after = await rowsOf(ch.organizationId);
    expect(after).toHaveLength(150);
    expect(after.find((r) => r.name === "lembrete_cupom")).toMatchObject({ status: "PAUSED", quality: "RED" });
    expect(after.find((r) => r.name === "bulk_0")).toMatchObject({ status: "DELETED" });
    expect((await listTemplates(ch.organizationId)).map((t) => t.name)).not.toContain("bulk_0");
    expect((await listTemplates(ch.organizationId, { includeDeleted: true })).map((t) => t.name)).toContain("bulk_0");

    // A row known only from a status webhook (no components yet) is not marked DELETED by a list that lacks it.
    await getDb().insert(templates).values({ organizationId: ch.organizationId, wabaId: ch.wabaId, name: "so_webhook", language: "pt_BR", status: "APPROVED" });
    await syncTemplatesForChannel(ch.organizationId, ch.channelId);
    expect((await rowsOf(ch.organizationId)).find((r) => r.name === "so_webhook")).toMatchObject({ status: "APPROVED" });

    // It comes back if Meta lists it again.
    mock.templates = metaTemplates();
    await syncTemplatesForChannel(ch.organizationId, ch.channelId);
    expect((await rowsOf(ch.organizationId)).find((r) => r.name === "bulk_0")).toMatchObject({ status: "APPROVED" });
  });

  it("the papo/templates.sync event runs the sync durably", async () => {
    const other = await createOrgWithChannel("templates-event");
    mock.templates = metaTemplates().slice(0, 3);
    await inngest.send({ name: "papo/templates.sync", data: { organizationId: other.organizationId, channelId: other.channelId } });
    const [run] = await waitForRuns("papo-sync-templates", 1);
    expect(run.output).toEqual({ fetched: 3, upserted: 3, markedDeleted: 0 });
    expect(await rowsOf(other.organizationId)).toHaveLength(3);
  });

  it("a status webhook for a template unknown locally triggers a sync of that channel; a known one does not", async () => {
    const other = await createOrgWithChannel("templates-webhook");
    mock.templates = metaTemplates().slice(0, 2);
    const before = (await runsOf("papo-sync-templates")).length;
    const res = await postToChannel(other.channelId, fixture("template_status_update_approved.json", other.phoneNumberId, other.wabaId));
    expect(res.status).toBe(200);
    await waitProcessed([other.organizationId]);
    await waitForRuns("papo-sync-templates", before + 1);
    const synced = await waitFor(async () => {
      const rows = await rowsOf(other.organizationId);
      const row = rows.find((r) => r.name === "pedido_confirmado");
      return row && (row.components as unknown[]).length > 0 ? rows : undefined;
    }, "the webhook-triggered sync");
    expect(synced.find((r) => r.name === "pedido_confirmado")).toMatchObject({ status: "APPROVED", components: namedComponents });

    // Now known with its components: a later paused webhook only updates the status. (The fixture's entry.time is
    // older than the sync, which stamps its own time: as is, it would rightly be ignored as stale.)
    const paused = JSON.parse(fixture("template_status_update_approved.json", other.phoneNumberId, other.wabaId)) as { entry: { time: number; changes: { value: { event: string } }[] }[] };
    paused.entry[0].time = Math.floor(Date.now() / 1000) + 60;
    paused.entry[0].changes[0].value.event = "PAUSED";
    const res2 = await postToChannel(other.channelId, JSON.stringify(paused));
    expect(res2.status).toBe(200);
    await waitProcessed([other.organizationId]);
    expect((await rowsOf(other.organizationId)).find((r) => r.name === "pedido_confirmado")?.status).toBe("PAUSED");
    expect((await runsOf("papo-sync-templates")).length).toBe(before + 1);

    // The original (older) approved webhook delivered again does not move it back.
    await postToChannel(other.channelId, fixture("template_status_update_approved.json", other.phoneNumberId, other.wabaId));
    await waitProcessed([other.organizationId]);
    expect((await rowsOf(other.organizationId)).find((r) => r.name === "pedido_confirmado")?.status).toBe("PAUSED");
  });

  it("template_category_update: the new category is stored and shown as Meta's change, audited once", async () => {
    const other = await createOrgWithChannel("templates-category");
    const components = [{ type: "BODY", text: "Seu pagamento vence amanhã." }];
    await getDb()
      .insert(templates)
      .values({ organizationId: other.organizationId, channelId: other.channelId, wabaId: other.wabaId, name: "lembrete_pagamento", language: "pt_BR", category: "UTILITY", requestedCategory: "UTILITY", status: "APPROVED", components });
    const body = fixture("template_category_update.json", other.phoneNumberId, other.wabaId);
    // Meta redelivers: the second copy changes nothing and audits nothing.
    for (let i = 0; i < 2; i++) {
      expect((await postToChannel(other.channelId, body)).status).toBe(200);
      await waitProcessed([other.organizationId]);
    }
    const [row] = await rowsOf(other.organizationId);
    expect(row).toMatchObject({ category: "MARKETING", categoryChange: { from: "UTILITY", to: "MARKETING", at: new Date(1790000100 * 1000).toISOString() } });
    expect(toTemplateView(row).categoryChange).toMatchObject({ from: "UTILITY", to: "MARKETING" });
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.organizationId, other.organizationId), eq(auditLog.action, "templates.category_changed")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetType: "template", targetId: row.id, actorUserId: null, metadata: { from: "UTILITY", to: "MARKETING", by: "meta" } });

    // A notice of a change to come (correct_category) is shown, the category stays until Meta makes it.
    const notice = JSON.parse(body) as { entry: { time: number; changes: { value: Record<string, unknown> }[] }[] };
    notice.entry[0].time += 60;
    notice.entry[0].changes[0].value = { ...notice.entry[0].changes[0].value, previous_category: undefined, new_category: undefined, correct_category: "UTILITY" };
    expect((await postToChannel(other.channelId, JSON.stringify(notice))).status).toBe(200);
    await waitProcessed([other.organizationId]);
    const [after] = await rowsOf(other.organizationId);
    expect(after).toMatchObject({ category: "MARKETING", categoryChange: { from: "MARKETING", to: "UTILITY", impending: true } });
  });

  it("sync-all-templates fans out one sync per active cloud channel", async () => {
    const disabled = await createOrgWithChannel("templates-disabled");
    await getDb().update(channels).set({ status: "disabled" }).where(eq(channels.id, disabled.channelId));
    const active = await getDb().select({ id: channels.id }).from(channels).where(eq(channels.status, "active"));
    mock.templates = metaTemplates().slice(0, 2);
    const before = (await runsOf("papo-sync-templates")).length;
    const sixHours = 6 * 3_600_000;
    h.clock.set(Math.floor(h.clock.now() / sixHours) * sixHours + sixHours + 1_000);
    const [cron] = await waitForRuns("papo-sync-all-templates", 1);
    expect(cron.output).toEqual({ channels: active.length });
    const runs = await waitForRuns("papo-sync-templates", before + active.length);
    const fanned = runs.slice(before).map((r) => r.event.data.channelId);
    expect(fanned.sort()).toEqual(active.map((c) => c.id).sort());
    expect(fanned).not.toContain(disabled.channelId);
  });
});

describe("template sends are checked before anything is stored or sent", () => {
  let conversationId: string;

  beforeAll(async () => {
    mock.templates = metaTemplates();
    await syncTemplatesForChannel(ch.organizationId, ch.channelId);
    const [contact] = await getDb()
      .insert(contacts)
      .values({ organizationId: ch.organizationId, channelId: ch.channelId, waId: "5511987650001", phoneE164: "+5511987650001" })
      .returning();
    // No inbound message: the window is closed, which a template may cross.
    const [conversation] = await getDb().insert(conversations).values({ organizationId: ch.organizationId, channelId: ch.channelId, contactId: contact.id }).returning();
    conversationId = conversation.id;
  });

  const queue = (message: Record<string, unknown>) =>
    queueOutboundMessage({ organizationId: ch.organizationId, conversationId, message: { type: "template", language: "pt_BR", ...message } as never, sender: "campaign" });
  const outboundRows = () => getDb().select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.direction, "outbound")));

  it("a wrong parameter count is refused with a 422 naming the problem, and Meta is never called", async () => {
    const attempt = queue({ name: "lembrete_cupom", components: [{ type: "body", parameters: [{ type: "text", text: "VOLTA20" }] }] });
    await expect(attempt).rejects.toBeInstanceOf(TemplateSendError);
    await expect(attempt).rejects.toMatchObject({ status: 422, reason: "parameter_mismatch", missing: ["body {{2}}"], extra: [] });
    const named = queue({ name: "pedido_confirmado", components: [{ type: "body", parameters: [{ type: "text", parameter_name: "first_name", text: "Mariana" }] }] });
    await expect(named).rejects.toMatchObject({ missing: ["header {{order_number}}", "body {{order_number}}", "button 1 (url)"] });
    await new Promise((r) => setTimeout(r, 200));
    expect(mock.calls).toHaveLength(0);
    expect(await outboundRows()).toHaveLength(0);
  });

  it("an unapproved, unknown or other-language template is refused, zero Graph calls", async () => {
    const twoParams = [{ type: "body", parameters: [{ type: "text", text: "A" }, { type: "text", text: "3" }] }];
    await expect(queue({ name: "promo_pendente", components: twoParams })).rejects.toMatchObject({ status: 422, reason: "template_not_approved" });
    await expect(queue({ name: "nao_existe", components: twoParams })).rejects.toMatchObject({ status: 422, reason: "template_not_found" });
    await expect(queue({ name: "lembrete_cupom", language: "en_US", components: twoParams })).rejects.toMatchObject({ reason: "template_not_found" });
    expect(mock.calls).toHaveLength(0);
    expect(await outboundRows()).toHaveLength(0);
  });

  it("a matching send of an approved template is queued and sent", async () => {
    const { message } = await queue({ name: "lembrete_cupom", components: [{ type: "body", parameters: [{ type: "text", text: "VOLTA20" }, { type: "text", text: "3" }] }] });
    await waitFor(async () => (await outboundRows()).find((m) => m.id === message.id && m.waMessageId), "the template to be sent");
    expect(mock.messages).toHaveLength(1);
    expect(mock.messages[0].body).toMatchObject({ type: "template", template: { name: "lembrete_cupom", language: { code: "pt_BR" } } });
  });
});
