import { inngest, messageReceived } from "../client";
import { isBlocking, type EngineInput } from "@/lib/flows/engine/engine-types";
import { advanceStoredSession } from "@/lib/flows/runtime/advance-stored-session";
import { applyContactUpdate } from "@/lib/flows/runtime/apply-contact-update";
import { applyHandoff } from "@/lib/flows/runtime/apply-handoff";
import { performAiRequest } from "@/lib/flows/runtime/effects/perform-ai-request";
import { performHttpRequest } from "@/lib/flows/runtime/effects/perform-http-request";
import type { FlowPlan } from "@/lib/flows/runtime/flow-plan";
import { getFlowRuntimeSettings } from "@/lib/flows/runtime/flow-runtime-settings";
import { handleInboundMessage } from "@/lib/flows/runtime/handle-inbound-message";
import { sendFlowMessage } from "@/lib/flows/runtime/send-flow-message";
import { startJumpSession } from "@/lib/flows/runtime/start-jump-session";

/**
 * The flow runtime for one customer message. Concurrency 1 per conversation: messages of one conversation are
 * handled in arrival order, never two at once (another conversation never waits). Each engine turn, send, HTTP
 * call, AI call and effect is its own step whose id carries the session and the effect's number — the same
 * numbers as the idempotency keys (`flow:<session>:<seq>`) — so a retry or a crash re-runs nothing that finished.
 * Delays and reply timeouts are durable sleeps; a sleeping run holds no concurrency slot, so the customer's next
 * message is handled meanwhile (and a timer that fires after the session moved on is ignored by the engine).
 */
export const runFlow = inngest.createFunction(
  {
    id: "run-flow",
    name: "Run flow",
    triggers: [messageReceived],
    concurrency: [{ key: "event.data.conversationId", limit: 1 }],
    retries: 5,
  },
  async ({ event, step }) => {
    const outcome = await step.run("handle-message", () => handleInboundMessage(event.data));
    if ("skipped" in outcome) return outcome;
    const queue: FlowPlan[] = [...outcome.plans];
    const log: string[] = [];
    while (queue.length > 0) {
      const plan = queue.shift()!;
      const tag = plan.sessionId;
      for (const m of plan.messages) {
        const sent = await step.run(`send-${tag}-${m.seq}`, () => sendFlowMessage(plan, m));
        if ("skipped" in sent) log.push(`message ${m.seq} skipped: ${sent.skipped}`);
      }
      for (const effect of plan.effects) {
        if (effect.type === "update_contact") {
          await step.run(`contact-${tag}-${effect.seq}`, () => applyContactUpdate(plan.organizationId, plan.contactId, effect));
        } else if (effect.type === "handoff") {
          await step.run(`handoff-${tag}-${effect.seq}`, () => applyHandoff(plan, effect, { flowId: plan.flowId }));
        } else if (effect.type === "jump") {
          const next = await step.run(`jump-${tag}-${effect.seq}`, () => startJumpSession(plan, effect));
          if (next) queue.push(next);
        } else if (effect.type === "end") {
          log.push(`session ${tag} ended: ${effect.reason}${effect.detail ? ` (${effect.detail})` : ""}`);
        } else if (isBlocking(effect)) {
          let input: EngineInput;
          if (effect.type === "http") {
            const res = await step.run(`http-${tag}-${effect.seq}`, async () => {
              const settings = await getFlowRuntimeSettings(plan.organizationId);
              return performHttpRequest(effect.request, { allowPrivate: settings.allowPrivateHttp });
            });
            input = { type: "http_result", token: effect.seq, ...res };
          } else if (effect.type === "ai") {
            const res = await step.run(`ai-${tag}-${effect.seq}`, async () => performAiRequest(effect.request, await getFlowRuntimeSettings(plan.organizationId)));
            input = { type: "ai_result", token: effect.seq, ...res };
          } else {
            await step.sleep(`timer-${tag}-${effect.seq}`, effect.seconds * 1000);
            input = { type: "timer", token: effect.seq };
          }
          const next = await step.run(`advance-${tag}-${effect.seq}`, () => advanceStoredSession(plan.organizationId, plan.sessionId, input, `effect:${effect.seq}`));
          if (next) queue.push(next);
        }
      }
    }
    return { handled: true, log };
  },
);
