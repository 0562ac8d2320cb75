import { processWebhookEvent } from "./functions/process-webhook-event";

/** Every Inngest function Papo serves at /api/inngest. */
export const functions = [processWebhookEvent];

export { inngest } from "./client";
