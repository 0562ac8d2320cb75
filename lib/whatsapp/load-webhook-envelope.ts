import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookEvents } from "@/db/schema";
import { parseEnvelope } from "./parse-envelope";
import type { WebhookEnvelope } from "./webhook/envelope-schema";

/** The parsed body of a stored webhook. Raw bytes never change after the insert, so every step reads the same. */
export async function loadWebhookEnvelope(db: Db, webhookEventId: string): Promise<WebhookEnvelope> {
  const [row] = await db.select({ rawBody: webhookEvents.rawBody }).from(webhookEvents).where(eq(webhookEvents.id, webhookEventId));
  if (!row) throw new Error(`Webhook event ${webhookEventId} disappeared`);
  const parsed = parseEnvelope(row.rawBody);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.envelope;
}
