import { diagnosticsPing } from "./functions/diagnostics-ping";
import { processWebhookEvent } from "./functions/process-webhook-event";

/** Every Inngest function Papo serves at /api/inngest. */
export const functions = [processWebhookEvent, diagnosticsPing];

export { inngest } from "./client";
