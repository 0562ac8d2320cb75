import type { Db } from "@/db";
import type { WebhookEnvelope } from "../webhook/envelope-schema";
import { messagesValueSchema } from "../webhook/messages-value-schema";
import { parseInboundMessage } from "../webhook/message-schema";
import { messageStatusSchema } from "../webhook/status-schema";
import { templateQualityUpdateSchema, templateStatusUpdateSchema } from "../webhook/template-schema";
import type { RoutedChange } from "../route-changes";
import { ingestInboundMessage } from "./ingest-inbound-message";
import { applyStatus } from "./apply-status";
import { messageIdFromCallbackData } from "../graph/callback-data";
import { applyTemplateUpdate } from "./apply-template-update";
import { onMessageStored } from "@/lib/inbox/on-message-stored";
import { publishMessageByWamid } from "@/lib/realtime/publish-message-by-wamid";

export type ChangeSummary = {
  field: string;
  inserted: number;
  duplicates: number;
  statusesApplied: number;
  statusesPending: number;
  templates: number;
  skipped: string[];
  /** Statuses that adopted an outbound row by its callback data: send-message may be waiting for them. */
  adopted: { messageId: string; waMessageId: string; status: string }[];
  /** A template update named a template whose definition Papo has not synced: sync the channel's templates. */
  syncTemplates?: boolean;
  /** Inserted messages whose media must be downloaded (papo/media.received → download-inbound-media). */
  media?: string[];
  /** Customer messages stored for the first time: papo/message.received (process-webhook-event). */
  received?: { channelId: string; messageId: string; conversationId: string; contactId: string }[];
};

/**
 * Applies one routed change. Every write is idempotent (wamid-keyed inserts, forward-only statuses, time-guarded
 * template upserts), so a retried step repeats nothing. Items that cannot be used are reported in `skipped`,
 * never thrown: a throw would make Meta's batch retry forever over one odd item.
 */
export async function ingestChange(
  db: Db,
  envelope: WebhookEnvelope,
  route: RoutedChange & { organizationId: string },
  webhookEventId?: string,
): Promise<ChangeSummary> {
  const entry = envelope.entry[route.entryIndex];
  const change = entry.changes[route.changeIndex];
  const summary: ChangeSummary = { field: change.field, inserted: 0, duplicates: 0, statusesApplied: 0, statusesPending: 0, templates: 0, skipped: [], adopted: [], media: [], received: [] };
  const target = { organizationId: route.organizationId, channelId: route.channelId, wabaId: route.wabaId, eventTime: entry.time ?? null };

  if (change.field === "message_template_status_update") {
    const parsed = templateStatusUpdateSchema.safeParse(change.value);
    if (!parsed.success) return { ...summary, skipped: [`${change.field}: ${parsed.error.message}`] };
    const { needsSync } = await applyTemplateUpdate(db, target, { kind: "status", value: parsed.data });
    return { ...summary, templates: 1, syncTemplates: needsSync };
  }
  if (change.field === "message_template_quality_update") {
    const parsed = templateQualityUpdateSchema.safeParse(change.value);
    if (!parsed.success) return { ...summary, skipped: [`${change.field}: ${parsed.error.message}`] };
    const { needsSync } = await applyTemplateUpdate(db, target, { kind: "quality", value: parsed.data });
    return { ...summary, templates: 1, syncTemplates: needsSync };
  }
  if (change.field !== "messages") return { ...summary, skipped: [`field ${change.field} is stored raw only`] };
  if (!route.channelId) return { ...summary, skipped: ["messages change without a channel"] };
  const channelId = route.channelId;

  const value = messagesValueSchema.safeParse(change.value);
  if (!value.success) return { ...summary, skipped: [`messages value: ${value.error.message}`] };
  for (const raw of value.data.messages) {
    const message = parseInboundMessage(raw);
    if (!message) {
      summary.skipped.push("message without id/timestamp");
      continue;
    }
    const { result, messageId, mediaPending, announce } = await ingestInboundMessage(db, {
      organizationId: route.organizationId,
      channelId,
      message,
      contacts: value.data.contacts,
      webhookEventId,
    });
    if (result === "duplicate") summary.duplicates++;
    else summary.inserted++;
    // Committed (ingestInboundMessage's own transaction): push it to the inbox. Never throws.
    if (result === "inserted" && messageId) await onMessageStored(route.organizationId, messageId);
    if (mediaPending && messageId) summary.media?.push(messageId);
    if (announce) summary.received?.push({ channelId, ...announce });
  }
  for (const raw of value.data.statuses) {
    const status = messageStatusSchema.safeParse(raw);
    if (!status.success) {
      summary.skipped.push(`status: ${status.error.message}`);
      continue;
    }
    const outcome = await applyStatus(db, { organizationId: route.organizationId, channelId, status: status.data });
    if (outcome === "pending") summary.statusesPending++;
    else summary.statusesApplied++;
    if (outcome !== "pending") await publishMessageByWamid(route.organizationId, channelId, status.data.id);
    const messageId = messageIdFromCallbackData(status.data.biz_opaque_callback_data);
    if (outcome === "adopted" && messageId) summary.adopted.push({ messageId, waMessageId: status.data.id, status: status.data.status });
  }
  for (const e of value.data.errors) summary.skipped.push(`value error ${e.code}: ${e.title ?? e.message ?? ""}`);
  return summary;
}
