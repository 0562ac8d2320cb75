import { NonRetriableError, RetryAfterError, type GetStepTools } from "inngest";
import { env } from "@/lib/env";
import { attemptSend, MAX_AMBIGUOUS_SENDS, type SendAttempt } from "@/lib/messages/attempt-send";
import { markSendFailed } from "@/lib/messages/mark-send-failed";
import { storeWamid } from "@/lib/messages/store-wamid";
import { inngest, messageSettled, messageStatus } from "../client";

type Step = GetStepTools<typeof inngest>;
export type Delivery = Exclude<SendAttempt, { kind: "retry" | "ambiguous" | "blocked" | "throttled" }> | { kind: "confirmed-by-status"; waMessageId: string; status: string } | { kind: "unknown" };

/** How many times a send waits behind an earlier message in doubt before it goes anyway (each wait ≤ the grace). */
const MAX_BLOCKED_WAITS = MAX_AMBIGUOUS_SENDS + 2;

/** The grace after an ambiguous failure (WHATSAPP_SEND_DOUBT_GRACE_SECONDS), as a step timeout. */
export const doubtGrace = () => `${env().WHATSAPP_SEND_DOUBT_GRACE_SECONDS}s`;

/**
 * attemptSend inside a step: a clear rejection throws so the executor retries this same step (after Meta's hint);
 * a permanent failure is returned (the row is already failed) unless `failRun`, which also ends the run.
 */
export async function attemptInStep(organizationId: string, messageId: string, attempt: number, failRun: boolean): Promise<SendAttempt> {
  const result = await attemptSend(organizationId, messageId, attempt);
  if (result.kind === "retry") throw result.afterMs !== undefined ? new RetryAfterError(result.message, result.afterMs) : new Error(result.message);
  if (result.kind === "failed" && failRun) throw new NonRetriableError(result.title);
  return result;
}

/**
 * Drives one queued outbound message to a final outcome as steps of the calling run, starting from the first
 * attempt's result (`first`, already memoized by the caller) or a new one. Step ids are `<what>-<tag><n>`, so
 * every send, wait and record of a message is its own step and a retry re-runs nothing that finished.
 *
 * - ambiguous (Meta may have it): wait for papo/message.status naming this message for the grace (about a
 *   minute: real statuses follow within seconds); a status → store its wamid; none → send again, at most
 *   MAX_AMBIGUOUS_SENDS in all, then the row fails as "Delivery unknown".
 * - blocked (an earlier message of the conversation is in doubt): wait for papo/message.settled of that message
 *   (or a status naming it), so the conversation's messages reach the customer in order.
 * - throttled (the channel's send rate is used up): a durable sleep, then try again.
 * A message that was ever in doubt announces papo/message.settled when it is done, for the sends waiting on it.
 */
export async function deliverMessage(
  step: Step,
  ids: { organizationId: string; messageId: string },
  opts: { tag: string; attempt: number; failRun: boolean; first?: SendAttempt },
): Promise<Delivery> {
  const { organizationId, messageId } = ids;
  const { tag, attempt, failRun } = opts;
  let n = 0;
  let result = opts.first ?? (await step.run(`send-${tag}${n}`, () => attemptInStep(organizationId, messageId, attempt, failRun)));
  let ambiguous = 0;
  let blocked = 0;
  let outcome: Delivery | undefined;
  while (!outcome) {
    if (result.kind === "ambiguous") {
      ambiguous++;
      const status = await step.waitForEvent(`await-status-${tag}${ambiguous - 1}`, {
        event: messageStatus,
        // Literal ids (uuids from our own rows): the run's own event is a webhook's in process-webhook-event.
        if: `async.data.messageId == '${messageId}' && async.data.organizationId == '${organizationId}'`,
        timeout: doubtGrace(),
      });
      if (status) {
        // Meta had accepted it after all: keep its wamid and let the statuses waiting for it apply.
        await step.run(`record-status-${tag}${ambiguous - 1}`, () => storeWamid(organizationId, messageId, status.data.waMessageId));
        outcome = { kind: "confirmed-by-status", waMessageId: status.data.waMessageId, status: status.data.status };
        break;
      }
      if (ambiguous >= MAX_AMBIGUOUS_SENDS) {
        await step.run(`give-up-${tag}`.replace(/-$/, ""), () =>
          markSendFailed(organizationId, messageId, {
            code: null,
            title: "Delivery unknown",
            details: `No answer from WhatsApp after ${MAX_AMBIGUOUS_SENDS} attempts and no status webhook within ${doubtGrace()} of each`,
            explanation: "WhatsApp never confirmed this message. It may or may not have reached the contact; check before sending it again.",
          }),
        );
        outcome = { kind: "unknown" };
        break;
      }
    } else if (result.kind === "blocked") {
      if (++blocked > MAX_BLOCKED_WAITS) throw new NonRetriableError(`Still waiting behind message ${result.blockerId} after ${MAX_BLOCKED_WAITS} grace periods`);
      // The blocker's id is a uuid read from our own table: safe inside the expression.
      await step.waitForEvent(`await-earlier-${tag}${blocked - 1}`, {
        event: messageSettled,
        if: `async.data.messageId == '${result.blockerId}'`,
        timeout: doubtGrace(),
      });
    } else if (result.kind === "throttled") {
      await step.sleep(`rate-${tag}${n}`, result.waitMs);
    } else if (result.kind === "retry") {
      throw new Error("unreachable: attemptInStep throws for retry");
    } else {
      outcome = result;
      break;
    }
    n++;
    result = await step.run(`send-${tag}${n}`, () => attemptInStep(organizationId, messageId, attempt, failRun));
  }
  if (ambiguous > 0) await step.sendEvent(`settled-${tag}`.replace(/-$/, ""), { name: messageSettled.name, data: { organizationId, messageId } });
  return outcome;
}
