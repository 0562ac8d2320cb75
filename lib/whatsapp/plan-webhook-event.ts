import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookEvents, type WebhookEvent } from "@/db/schema";
import { parseEnvelope } from "./parse-envelope";
import { routeChanges, type RoutedChange } from "./route-changes";

export type WebhookPlan = {
  id: string;
  status: WebhookEvent["status"];
  organizationId: string | null;
  /** The changes this row's organization owns; other tenants' changes in a shared-endpoint body are not ours. */
  changes: (RoutedChange & { organizationId: string })[];
  error?: string;
};

/**
 * Loads a stored webhook and decides which of its changes to apply: the body is re-routed and only the changes
 * that belong to the row's organization are kept (a per-channel URL cannot inject into another tenant, and a
 * shared-endpoint row handles its own share of the batch). The plan is small; the body is re-read per step.
 */
export async function planWebhookEvent(db: Db, webhookEventId: string): Promise<WebhookPlan | null> {
  const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, webhookEventId));
  if (!row) return null;
  const base = { id: row.id, status: row.status, organizationId: row.organizationId, changes: [] };
  if (!row.organizationId) return base;
  const parsed = parseEnvelope(row.rawBody);
  if (!parsed.ok) return { ...base, error: parsed.error };
  const routes = await routeChanges(db, parsed.envelope);
  const orgId = row.organizationId;
  return { ...base, changes: routes.flatMap((r) => (r.organizationId === orgId ? [{ ...r, organizationId: orgId }] : [])) };
}
