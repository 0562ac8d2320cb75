import { inngest } from "../client";
import { expireDueSessions } from "@/lib/flows/runtime/expire-due-sessions";
import { sendFlowMessage } from "@/lib/flows/runtime/send-flow-message";

/**
 * Every minute: sessions idle past their flow's expiry (default 30 min) end as `expired`, and the flow's closing
 * message, if any, goes out (inside the 24-hour window only), each send its own step keyed by session and seq.
 */
export const expireFlowSessions = inngest.createFunction(
  { id: "expire-flow-sessions", name: "Expire idle flow sessions", triggers: [{ cron: "* * * * *" }], concurrency: [{ limit: 1 }] },
  async ({ step }) => {
    const plans = await step.run("expire", () => expireDueSessions());
    for (const plan of plans) for (const m of plan.messages) await step.run(`closing-${plan.sessionId}-${m.seq}`, () => sendFlowMessage(plan, m));
    return { expired: plans.length };
  },
);
