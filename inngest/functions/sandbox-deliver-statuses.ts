import { deliverSandboxStatus } from "@/lib/sandbox/deliver-sandbox-status";
import { inngest, sandboxOutbound } from "../client";

/** The pause between two statuses: long enough to see the ticks change on the phone, short enough for tests. */
export const SANDBOX_STATUS_GAP = "700ms";

/**
 * The simulated phone receiving a message: the sandbox Graph API accepted it, so WhatsApp would now report `sent`,
 * then `delivered`, then `read` (the phone is open). Each is a signed webhook to the channel's own URL, in its own
 * durable step: a crash or a failed POST resumes at the status that did not get through.
 */
export const sandboxDeliverStatuses = inngest.createFunction(
  { id: "sandbox-deliver-statuses", triggers: [sandboxOutbound], retries: 5 },
  async ({ event, step }) => {
    const results = [];
    for (const status of ["sent", "delivered", "read"] as const) {
      if (status !== "sent") await step.sleep(`before-${status}`, SANDBOX_STATUS_GAP);
      results.push(await step.run(`post-${status}`, () => deliverSandboxStatus(event.data, status)));
      if (!results[results.length - 1].delivered) break;
    }
    return results;
  },
);
