import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { messages } from "@/db/schema";
import type { MessageStatus } from "@/lib/whatsapp/webhook/status-schema";
import { SMS_FALLBACK_CODES, smsFallbackFor } from "./sms-fallback-for";

/**
 * A status webhook that may call for a late SMS: Meta accepted the send (wamid) and then reported it failed for a
 * reason no retry changes. Pure, so ingest can derive the follow-up event again on every attempt of the webhook.
 */
export function isLateSmsFailure(status: Pick<MessageStatus, "status" | "errors">): boolean {
  return status.status === "failed" && SMS_FALLBACK_CODES.has(Number(status.errors?.[0]?.code));
}

/**
 * The late fallback itself: the message the wamid names, if it was a notification sent with `fallback: "sms"` and
 * the failure applied to it (a failure after "delivered" does not), gets its SMS through smsFallbackFor — same key
 * (`sms-fallback:<message id>`) as the fallback at send time, so at most one SMS per message whichever path came
 * first. Null when no SMS is due.
 */
export async function lateSmsFallback(args: { organizationId: string; channelId: string; waMessageId: string }): Promise<{ smsMessageId: string } | null> {
  const [row] = await getDb()
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.organizationId, args.organizationId), eq(messages.channelId, args.channelId), eq(messages.waMessageId, args.waMessageId)));
  return row ? smsFallbackFor(args.organizationId, row.id) : null;
}
