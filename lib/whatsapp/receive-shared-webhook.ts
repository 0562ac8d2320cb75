import { getDb } from "@/db";
import { webhookEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { badSignatureCounter } from "./bad-signature-counter";
import { handOffWebhook } from "./hand-off-webhook";
import { parseEnvelope } from "./parse-envelope";
import { readLimitedBody } from "./read-limited-body";
import { routeChanges } from "./route-changes";
import { verifySignature } from "./verify-signature";
import { webhookHeaders } from "./webhook-headers";
import { webhookText } from "./webhook-text";

/**
 * POST /api/webhooks/whatsapp: one Meta app (secret META_APP_SECRET) serving many organizations. After the same
 * checks as the per-channel endpoint, every change is routed by phone_number_id (or WABA id); one row is stored
 * per routed organization — all in one multi-row insert — plus one `unrouted` row when some changes matched no
 * channel. Each routed row is processed only for its own organization's changes (process-webhook-event re-routes).
 * Every row holds the full signed bytes, because only the whole body is verifiable: raw_body of a shared-endpoint
 * row may contain other tenants' changes and must never be shown to a tenant verbatim.
 */
export async function receiveSharedWebhook(req: Request): Promise<Response> {
  const secret = env().META_APP_SECRET;
  if (!secret) return webhookText(404, "No shared Meta app is configured");
  const rawBody = await readLimitedBody(req);
  if (!rawBody) return webhookText(413, "Payload too large");
  if (!verifySignature(rawBody, req.headers.get("x-hub-signature-256"), secret)) {
    badSignatureCounter.record("shared app");
    return webhookText(401, "Invalid signature");
  }
  const db = getDb();
  const headers = webhookHeaders(req);
  const parsed = parseEnvelope(rawBody);
  if (!parsed.ok) {
    await db.insert(webhookEvents).values({ rawBody, headers, signatureValid: true, status: "rejected", error: parsed.error, processedAt: new Date() });
    return webhookText(400, "Malformed webhook body");
  }
  const routes = await routeChanges(db, parsed.envelope);
  const byOrg = new Map<string, Set<string | null>>();
  for (const r of routes) if (r.organizationId) byOrg.set(r.organizationId, (byOrg.get(r.organizationId) ?? new Set()).add(r.channelId));
  const unrouted = routes.filter((r) => !r.organizationId);
  const values: (typeof webhookEvents.$inferInsert)[] = [...byOrg].map(([organizationId, channelIds]) => ({
    organizationId,
    channelId: channelIds.size === 1 ? [...channelIds][0] : null,
    rawBody,
    headers,
    signatureValid: true,
    status: "received" as const,
  }));
  if (unrouted.length || routes.length === 0) {
    values.push({
      rawBody,
      headers,
      signatureValid: true,
      status: "unrouted",
      error: unrouted.length
        ? `No channel for: ${unrouted.map((r) => `entry ${r.entryIndex} change ${r.changeIndex} (${r.field}, WABA ${r.wabaId})`).join(", ")}`
        : "No changes",
    });
  }
  const rows = await db.insert(webhookEvents).values(values).returning({ id: webhookEvents.id, organizationId: webhookEvents.organizationId });
  const routed = rows.flatMap((r) => (r.organizationId ? [{ id: r.id, organizationId: r.organizationId }] : []));
  const handedOff = await handOffWebhook(db, routed);
  return handedOff ? webhookText(200, "EVENT_RECEIVED") : webhookText(500, "Stored but not queued; please retry");
}
