import { z } from "zod";
import { outboundMessage, type OutboundMessage } from "@/lib/messages/neutral/neutral-message";

/**
 * The `content` of an outbound message row: the message as validated (message-schema.ts), plus Papo's own keys.
 * `failure` is added when the send fails for good: the plain-language explanation the inbox shows next to Meta's
 * error code/title/details (which have their own columns).
 */
export type OutboundContent = OutboundMessage & {
  replyTo?: string;
  idempotencyKey?: string;
  failure?: { reason?: string; explanation: string; fbtraceId?: string | null; httpStatus?: number | null };
};

export function outboundContent(message: OutboundMessage, extra: { replyTo?: string; idempotencyKey?: string }): OutboundContent {
  return { ...message, ...(extra.replyTo && { replyTo: extra.replyTo }), ...(extra.idempotencyKey && { idempotencyKey: extra.idempotencyKey }) };
}

const extras = z.object({ replyTo: z.string().optional() });

/** Reads a stored row back: the message to send (Papo's keys stripped) and the reply target. */
export function parseOutboundContent(content: Record<string, unknown>): { message: OutboundMessage; replyTo?: string } {
  return { message: outboundMessage.parse(content), replyTo: extras.parse(content).replyTo };
}
