import { reviewSandboxTemplate } from "@/lib/sandbox/review-sandbox-template";
import { inngest, sandboxTemplateSubmitted } from "../client";

/** How long the sandbox's "Meta" takes to review a template: long enough to see PENDING, short for a demo. */
export const SANDBOX_REVIEW_DELAY = "3s";

/**
 * A template submitted on a sandbox number: a durable sleep (Meta's review), then the verdict as a signed status
 * webhook to the channel's own URL (lib/sandbox/review-sandbox-template.ts). A failed POST retries the step only.
 */
export const sandboxReviewTemplate = inngest.createFunction(
  { id: "sandbox-review-template", triggers: [sandboxTemplateSubmitted], retries: 5 },
  async ({ event, step }) => {
    await step.sleep("review", SANDBOX_REVIEW_DELAY);
    return step.run("report-verdict", () => reviewSandboxTemplate(event.data));
  },
);
