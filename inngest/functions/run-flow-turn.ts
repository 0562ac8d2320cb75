import { RetryAfterError, type GetStepTools } from "inngest";
import { isBlocking, type EngineInput } from "@/lib/flows/engine/engine-types";
import { advanceStoredSession } from "@/lib/flows/runtime/advance-stored-session";
import { applyContactUpdate } from "@/lib/flows/runtime/apply-contact-update";
import { applyHandoff } from "@/lib/flows/runtime/apply-handoff";
import { performAiRequest } from "@/lib/flows/runtime/effects/perform-ai-request";
import { performHttpRequest } from "@/lib/flows/runtime/effects/perform-http-request";
import { resolveConnectionRequest } from "@/lib/integrations/resolve-connection-request";
import type { FlowPlan } from "@/lib/flows/runtime/flow-plan";
import { getFlowRuntimeSettings } from "@/lib/flows/runtime/flow-runtime-settings";
import { handleInboundMessage, type InboundMessageEvent } from "@/lib/flows/runtime/handle-inbound-message";
import { sendFlowReply } from "@/lib/flows/runtime/send-flow-reply";
import type { SendAttempt } from "@/lib/messages/attempt-send";
import { startJumpSession } from "@/lib/flows/runtime/start-jump-session";
import type { inngest } from "../client";
import { deliverMessage } from "./deliver-message";

type Step = GetStepTools<typeof inngest>;
export type FlowTurnResult = { skipped: string } | { handled: true; log: string[] };

/**
 * The flow runtime for one customer message, as steps of the caller's run (process-webhook-event: one run per
 * inbound message, serialised per customer of a channel). Each engine turn, reply, HTTP call, AI call and effect
 * is its own step whose id carries the session and the effect's number — the same numbers as the idempotency keys
 * (`flow:<session>:<seq>`) — so a retry or a crash re-runs nothing that finished. A reply is stored and sent in
 * one step (sendFlowReply); only an ambiguous failure, a wait behind an earlier message in doubt or the channel's
 * rate adds steps (deliverMessage). Consecutive steps run in one SDK call once the executor checkpoints.
 * Delays and reply timeouts are durable sleeps; a sleeping run holds no concurrency slot, so the customer's next
 * message is handled meanwhile (and a timer that fires after the session moved on is ignored by the engine).
 */
export async function runFlowTurn(step: Step, event: InboundMessageEvent, attempt: number): Promise<FlowTurnResult> {
  const outcome = await step.run(`handle-${event.messageId}`, () => handleInboundMessage(event));
  if ("skipped" in outcome) return outcome;
  const queue: FlowPlan[] = [...outcome.plans];
  const log: string[] = [];
  while (queue.length > 0) {
    const plan = queue.shift()!;
    const tag = plan.sessionId;
    for (const m of plan.messages) {
      const sent = await step.run(`send-${tag}-${m.seq}`, async () => {
        const r = await sendFlowReply(plan, m, attempt);
        // A clear rejection (nothing sent): throw inside the step so the executor retries this very step.
        if ("first" in r && r.first.kind === "retry") throw r.first.afterMs !== undefined ? new RetryAfterError(r.first.message, r.first.afterMs) : new Error(r.first.message);
        return r;
      });
      if ("skipped" in sent) {
        log.push(`message ${m.seq} skipped: ${sent.skipped}`);
        continue;
      }
      const delivery = await deliverMessage(step, { organizationId: plan.organizationId, messageId: sent.messageId }, { tag: `${tag}-${m.seq}-`, attempt, failRun: false, first: sent.first as SendAttempt });
      if (delivery.kind === "failed" || delivery.kind === "unknown") log.push(`message ${m.seq} not delivered: ${delivery.kind === "failed" ? delivery.title : "delivery unknown"}`);
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
            // A named connection's base URL and secret headers are added here, at call time (lib/integrations).
            const request = await resolveConnectionRequest(plan.organizationId, effect.request);
            if (!request) return { ok: false, status: 0, body: null, error: `No connection named ${effect.request.connection} (Settings → Integrations)` };
            return performHttpRequest(request, { allowPrivate: settings.allowPrivateHttp });
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
}
