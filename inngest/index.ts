import { diagnosticsPing } from "./functions/diagnostics-ping";
import { processWebhookEvent } from "./functions/process-webhook-event";
import { sendMessage } from "./functions/send-message";

/** Every Inngest function Papo serves at /api/inngest. */
export const functions = [processWebhookEvent, diagnosticsPing, sendMessage];

export { inngest } from "./client";
