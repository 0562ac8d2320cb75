import { inngest, testPing } from "../client";

/**
 * Proves the durable path on a live install: an event, a memoized step, a sleep that goes through the queue, and
 * a completed run. Admins trigger it with "Send test event" on the Runs page; the end-to-end tests do the same.
 */
export const diagnosticsPing = inngest.createFunction({ id: "diagnostics-ping", triggers: [testPing] }, async ({ event, step }) => {
  const reply = await step.run("reply", () => ({ pong: true, message: event.data.message ?? "pong" }));
  await step.sleep("breathe", "1s");
  return reply;
});
