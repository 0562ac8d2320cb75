import { appointmentReminders } from "./functions/appointments/appointment-reminders";
import { downloadInboundMediaFn } from "./functions/download-inbound-media";
import { expireFlowSessions } from "./functions/expire-flow-sessions";
import { importContacts } from "./functions/import-contacts";
import { diagnosticsPing } from "./functions/diagnostics-ping";
import { processWebhookEvent } from "./functions/process-webhook-event";
import { pruneRunHistoryFn } from "./functions/prune-run-history";
import { recoverStaleWebhooks } from "./functions/recover-stale-webhooks";
import { sandboxDeliverStatuses } from "./functions/sandbox-deliver-statuses";
import { sandboxReviewTemplate } from "./functions/sandbox-review-template";
import { sendMessage } from "./functions/send-message";
import { processNotificationBatch } from "./functions/process-notification-batch";
import { sendNotificationFn } from "./functions/send-notification";
import { sendSms } from "./functions/send-sms";
import { sendLateSmsFallback } from "./functions/send-late-sms-fallback";
import { syncAllTemplates, syncTemplatesFunction } from "./functions/sync-templates";

/** Every Inngest function Papo serves at /api/inngest. */
export const functions = [processWebhookEvent, diagnosticsPing, sendMessage, syncTemplatesFunction, syncAllTemplates, sandboxDeliverStatuses, sandboxReviewTemplate, downloadInboundMediaFn, recoverStaleWebhooks, expireFlowSessions, pruneRunHistoryFn, sendNotificationFn, sendSms, sendLateSmsFallback, processNotificationBatch, importContacts, appointmentReminders];

export { inngest } from "./client";
