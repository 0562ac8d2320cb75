import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { messages } from "@/db/schema";
import { publishMessageChanged } from "@/lib/realtime/publish-message-changed";
import type { SendFailure } from "./send-failure";

/**
 * Fails an outbound row with Meta's error (or Papo's reason) and an explanation for the inbox. Only a row still
 * `queued` can fail here: a status webhook that moved it on knows better. Ends any doubt about it.
 */
export async function markSendFailed(organizationId: string, messageId: string, f: SendFailure): Promise<void> {
  const failure = { reason: f.reason, explanation: f.explanation, fbtraceId: f.fbtraceId ?? null, httpStatus: f.httpStatus ?? null };
  const failed = await getDb()
    .update(messages)
    .set({
      status: "failed",
      failedAt: new Date(),
      errorCode: f.code,
      errorTitle: f.title,
      errorDetails: f.details ?? null,
      sendDoubtSince: null,
      content: sql`${messages.content} || ${JSON.stringify({ failure })}::jsonb`,
    })
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId), eq(messages.status, "queued")))
    .returning({ id: messages.id });
  // The inbox shows the failure and Meta's reason at once; never throws.
  if (failed.length) await publishMessageChanged(organizationId, messageId);
}
