import type { GetStepTools } from "inngest";
import { executorClock } from "@/inngest/executor/clock";
import { reserveProactiveSlot } from "@/lib/evolution/proactive-pacing";
import type { inngest } from "../client";

type Step = GetStepTools<typeof inngest>;

/**
 * Waits, durably, for this proactive message's turn on its number (lib/evolution/proactive-pacing.ts). The slot is
 * taken in a memoized step (a retry keeps it) and slept until with step.sleepUntil, which holds no worker and
 * survives restarts. The executor's clock stamps "now" so the slot and the sleep agree (tests drive it by hand).
 */
export async function paceProactive(step: Step, organizationId: string, channelId: string): Promise<void> {
  const slot = await step.run("pace", async () => (await reserveProactiveSlot(organizationId, channelId, new Date(executorClock().now())))?.toISOString() ?? null);
  // Always the same steps on every replay (a slot already past wakes at once).
  if (slot) await step.sleepUntil("paced", slot);
}
