import type { Db, Tx } from "@/db";
import type { WebhookItemOutcome } from "@/db/schema";
import type { WebhookEnvelope } from "../webhook/envelope-schema";
import { messagesValueSchema } from "../webhook/messages-value-schema";
import { parseInboundMessage } from "../webhook/message-schema";
import { messageStatusSchema } from "../webhook/status-schema";
import { templateCategoryUpdateSchema, templateQualityUpdateSchema, templateStatusUpdateSchema } from "../webhook/template-schema";
import type { RoutedChange } from "../route-changes";
import { ingestInboundMessage, type IngestOutcome } from "./ingest-inbound-message";
import { applyStatus, applyStatusToKnownMessage } from "./apply-status";
import { messageIdFromCallbackData } from "../graph/callback-data";
import { applyTemplateUpdate } from "./apply-template-update";
import { onMessageStored } from "@/lib/inbox/on-message-stored";
import { publishMessagesByWamid } from "@/lib/realtime/publish-messages-by-wamid";
import { applyUserPreferences } from "@/lib/contacts/apply-user-preferences";
import { followUp, isStatusName, type FollowUpEvent } from "./follow-up-event";
import { idProblem, shortRef } from "./item-limits";
import { recordItemOutcome } from "./record-item-outcome";
import { isLateSmsFailure } from "@/lib/notifications/late-sms-fallback";
import { storableJson } from "./storable-json";

/** Status names are short words; a longer one cannot be real and would not fit pending_statuses' unique index. */
const MAX_STATUS_NAME = 64;

export type ChangeSummary = {
  field: string;
  /** One outcome per item of the change (message, status) or for the change itself (template, other fields). */
  items: WebhookItemOutcome[];
};

export type ChangeOptions = {
  /**
   * The stored webhook row. Items whose follow-ups cannot be derived again (an adopted status, a template that
   * needs a sync) are recorded on it in the transaction that applied them; every other outcome travels with the
   * row's final mark (ingestWebhookEvent), see ingestChange.
   */
  webhookEventId?: string;
  /** When the webhook arrived: stands in for a timestamp out of range. */
  receivedAt?: Date;
  /** Items an earlier attempt already applied (by path): skipped, their recorded outcome (and events) reused. */
  done?: Map<string, WebhookItemOutcome>;
};

/**
 * Applies one routed change, item by item. Every write is idempotent (wamid-keyed inserts, forward-only statuses,
 * time-guarded template upserts), and each item runs in its own transaction, so one bad item — a value no column
 * holds, an id no index takes — fails alone, recorded with its reason, while its siblings are applied. Nothing is
 * thrown for an item: a throw would make the whole webhook retry forever over one odd item.
 *
 * Statement cost. An item's outcome is not written on the webhook row by its own UPDATE: the outcomes are returned
 * and written once, with the row's final mark. That is safe because an attempt that crashed before the mark
 * re-derives them: a message stored by this row is found again by its wamid and `content.papo_webhook_event_id`
 * (same announcement, same event ids), and a status or template update re-applied is a no-op (forward-only,
 * time-guarded). Only the two outcomes whose follow-up event could not be derived again — a status that adopted a
 * row, a template update that needs a sync — are recorded in their own transaction, as before. A status of a known
 * message is one statement with no transaction; the inbox hears of the change's statuses once, at its end (one read,
 * one insert), not per status.
 */
export async function ingestChange(
  db: Db,
  envelope: WebhookEnvelope,
  route: RoutedChange & { organizationId: string },
  options: ChangeOptions = {},
): Promise<ChangeSummary> {
  const entry = envelope.entry[route.entryIndex];
  const change = entry.changes[route.changeIndex];
  const at = `entry[${route.entryIndex}].changes[${route.changeIndex}]`;
  const summary: ChangeSummary = { field: change.field, items: [] };
  const add = (item: WebhookItemOutcome) => summary.items.push(item);
  const prior = (path: string) => options.done?.get(path);
  const record = (tx: Tx, item: WebhookItemOutcome) =>
    options.webhookEventId ? recordItemOutcome(tx, options.webhookEventId, item) : Promise.resolve();
  const orgId = route.organizationId;

  if (change.field === "message_template_status_update" || change.field === "message_template_quality_update" || change.field === "template_category_update") {
    const done = prior(at);
    if (done) return { ...summary, items: [done] };
    add(await templateItem(db, { at, orgId, route, entryTime: entry.time ?? null, field: change.field, value: change.value, options, record }));
    return summary;
  }
  if (change.field === "user_preferences") {
    // Marketing stop/resume chosen in WhatsApp itself: consent lives in lib/contacts (deduplicated there).
    return { ...summary, items: await applyUserPreferences(db, { organizationId: orgId, channelId: route.channelId, at, value: change.value, record }) };
  }
  if (change.field !== "messages") return { ...summary, items: [skipped(at, `field ${change.field} is stored raw only`)] };
  if (!route.channelId) return { ...summary, items: [failed(at, "change", "messages change without a channel")] };
  const channelId = route.channelId;

  const value = messagesValueSchema.safeParse(change.value);
  if (!value.success) return { ...summary, items: [failed(at, "change", `messages value: ${value.error.message}`)] };
  const contacts = storableJson(value.data.contacts).value;

  for (const [i, raw] of value.data.messages.entries()) {
    const path = `${at}.value.messages[${i}]`;
    const done = prior(path);
    if (done) {
      add(done);
      continue;
    }
    const ref = shortRef((raw as { id?: unknown } | null)?.id);
    const message = parseInboundMessage(raw);
    if (!message) {
      add(failed(path, "message", "message without a usable id or timestamp (it cannot be stored idempotently)", ref));
      continue;
    }
    const problem = idProblem("message id", message.id) ?? idProblem("sender (from)", message.from) ?? idProblem("sender (from_user_id)", message.from_user_id);
    if (problem) {
      add(failed(path, "message", problem, ref));
      continue;
    }
    const itemOf = (o: IngestOutcome): WebhookItemOutcome => {
      const events: FollowUpEvent[] = [];
      if (o.announce) events.push(followUp.received(orgId, { channelId, ...o.announce }));
      if (o.mediaPending && o.messageId) events.push(followUp.media(orgId, o.messageId));
      return {
        path,
        kind: "message",
        ref,
        outcome: o.result === "duplicate" ? "duplicate" : "applied",
        ...(o.notes?.length ? { notes: o.notes } : {}),
        ...(events.length ? { events } : {}),
      };
    };
    try {
      const outcome = await ingestInboundMessage(db, {
        organizationId: orgId,
        channelId,
        message,
        contacts,
        webhookEventId: options.webhookEventId,
        receivedAt: options.receivedAt,
      });
      // Committed (ingestInboundMessage's own transaction): push it to the inbox. Never throws.
      if (outcome.result === "inserted" && outcome.messageId) {
        const stored = outcome.stored;
        await onMessageStored(orgId, outcome.messageId, {
          row: stored?.row ? { m: stored.row, senderName: null } : undefined,
          conversationCreated: stored?.conversationCreated,
          contactBlocked: stored?.contactBlocked,
        });
      }
      add(itemOf(outcome));
    } catch (err) {
      add(failed(path, "message", reasonOf(err), ref));
    }
  }

  const changed: string[] = [];
  for (const [i, raw] of value.data.statuses.entries()) {
    const path = `${at}.value.statuses[${i}]`;
    const done = prior(path);
    if (done) {
      add(done);
      continue;
    }
    const { value: safe, notes } = storableJson(raw);
    const ref = shortRef((safe as { id?: unknown } | null)?.id);
    const status = messageStatusSchema.safeParse(safe);
    if (!status.success) {
      add(failed(path, "status", `status: ${status.error.message}`, ref));
      continue;
    }
    const s = status.data;
    const problem =
      idProblem("status id", s.id) ?? (s.status.length > MAX_STATUS_NAME ? `status name is ${s.status.length} characters long (at most ${MAX_STATUS_NAME})` : null);
    if (problem) {
      add(failed(path, "status", problem, ref));
      continue;
    }
    try {
      const args = { organizationId: orgId, channelId, status: s, receivedAt: options.receivedAt, notes };
      const itemOf = (outcome: "applied" | "adopted" | "pending", events: FollowUpEvent[] = []): WebhookItemOutcome => ({
        path,
        kind: "status",
        ref,
        outcome: outcome === "pending" ? "pending" : "applied",
        ...(notes.length ? { notes } : {}),
        ...(events.length ? { events } : {}),
      });
      let item: WebhookItemOutcome;
      const messageId = messageIdFromCallbackData(s.biz_opaque_callback_data);
      // A notification's late failure may call for its SMS fallback (decided by the event's function).
      const late = isLateSmsFailure(s) ? [followUp.lateFailure(orgId, { channelId, waMessageId: s.id })] : [];
      if (await applyStatusToKnownMessage(db, args)) item = itemOf("applied", late);
      else if (!messageId) item = itemOf(await applyStatus(db, { ...args, knownTried: true }));
      else {
        // It may adopt one of our rows: the adoption, its status and the record of its follow-up commit together.
        item = await db.transaction(async (tx) => {
          const outcome = await applyStatus(tx, { ...args, knownTried: true });
          const events = outcome === "adopted" && isStatusName(s.status) ? [followUp.status(orgId, { messageId, waMessageId: s.id, status: s.status }), ...late] : [];
          const it = itemOf(outcome, events);
          if (events.length) await record(tx, it);
          return it;
        });
      }
      if (item.outcome !== "pending") changed.push(s.id);
      add(item);
    } catch (err) {
      add(failed(path, "status", reasonOf(err), ref));
    }
  }
  await publishMessagesByWamid(orgId, channelId, changed);
  for (const [i, e] of value.data.errors.entries()) {
    add(skipped(`${at}.value.errors[${i}]`, `Meta reported error ${e.code}: ${e.title ?? e.message ?? ""}`));
  }
  return summary;
}

async function templateItem(
  db: Db,
  args: {
    at: string;
    orgId: string;
    route: RoutedChange;
    entryTime: number | null;
    field: "message_template_status_update" | "message_template_quality_update" | "template_category_update";
    value: unknown;
    options: ChangeOptions;
    record: (tx: Tx, item: WebhookItemOutcome) => Promise<void>;
  },
): Promise<WebhookItemOutcome> {
  const { value: safe, notes } = storableJson(args.value);
  const parsed = templateUpdateOf(args.field, safe);
  const ref = shortRef((safe as { message_template_name?: unknown } | null)?.message_template_name);
  if (!parsed.ok) return failed(args.at, "change", `${args.field}: ${parsed.error}`, ref);
  const update = parsed.update;
  const target = { organizationId: args.orgId, channelId: args.route.channelId, wabaId: args.route.wabaId, eventTime: args.entryTime };
  try {
    return await db.transaction(async (tx) => {
      const { needsSync } = await applyTemplateUpdate(tx, target, update);
      const channelId = args.route.channelId;
      const events = needsSync && channelId && args.options.webhookEventId ? [followUp.templatesSync(args.orgId, args.options.webhookEventId, channelId)] : [];
      const item: WebhookItemOutcome = {
        path: args.at,
        kind: "change",
        ref,
        outcome: "applied",
        ...(notes.length ? { notes } : {}),
        ...(events.length ? { events } : {}),
      };
      // Only a follow-up that could not be derived again needs recording now (see ingestChange).
      if (events.length) await args.record(tx, item);
      return item;
    });
  } catch (err) {
    return failed(args.at, "change", reasonOf(err), ref);
  }
}

type TemplateUpdate = Parameters<typeof applyTemplateUpdate>[2];

function templateUpdateOf(field: string, value: unknown): { ok: true; update: TemplateUpdate } | { ok: false; error: string } {
  if (field === "message_template_status_update") {
    const p = templateStatusUpdateSchema.safeParse(value);
    return p.success ? { ok: true, update: { kind: "status", value: p.data } } : { ok: false, error: p.error.message };
  }
  if (field === "template_category_update") {
    const p = templateCategoryUpdateSchema.safeParse(value);
    return p.success ? { ok: true, update: { kind: "category", value: p.data } } : { ok: false, error: p.error.message };
  }
  const p = templateQualityUpdateSchema.safeParse(value);
  return p.success ? { ok: true, update: { kind: "quality", value: p.data } } : { ok: false, error: p.error.message };
}

const failed = (path: string, kind: WebhookItemOutcome["kind"], reason: string, ref?: string): WebhookItemOutcome => ({
  path,
  kind,
  ...(ref ? { ref } : {}),
  outcome: "failed",
  reason: storableJson(reason.slice(0, 1000)).value,
});

const skipped = (path: string, reason: string): WebhookItemOutcome => ({ path, kind: "change", outcome: "skipped", reason: storableJson(reason.slice(0, 1000)).value });

/** A database or code error as a reason a person can act on (the driver's message, never the parameters). */
function reasonOf(err: unknown): string {
  const e = err as { message?: unknown; cause?: { message?: unknown } };
  const message = typeof e?.cause?.message === "string" ? e.cause.message : typeof e?.message === "string" ? e.message : String(err);
  // drizzle wraps driver errors as "Failed query: <sql> params: <values>": the values may be megabytes of input.
  return message.replace(/\nparams:[\s\S]*$/, "").slice(0, 1000);
}
