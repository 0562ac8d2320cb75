import { getDb } from "@/db";
import { env } from "@/lib/env";
import { badSignatureCounter } from "./bad-signature-counter";
import { parseEnvelope } from "./parse-envelope";
import { routeChanges } from "./route-changes";
import { storeWebhookRows, type WebhookRowInput } from "./store-webhook-rows";
import { verifySignature } from "./verify-signature";
import { webhookHeaders } from "./webhook-headers";
import { webhookOrderingKey } from "./webhook-ordering-key";
import type { WebhookAnswer, WebhookInput } from "./webhook-input";
import { log } from "@/lib/log/logger";

/**
 * POST /api/webhooks/whatsapp: one Meta app (secret META_APP_SECRET) serving many organizations. After the same
 * checks as the per-channel endpoint, every change is routed by phone_number_id (or WABA id) to a channel verified
 * with Meta (lib/channels/verify-channel-number.ts); one row is stored
 * per routed organization — all in one group-committed insert — plus one `unrouted` row when some changes matched
 * no channel. An organization whose changes all belong to disabled channels gets a `rejected` row ("Channel
 * disabled"). Each routed row is processed only for its own organization's changes (process-webhook-event
 * re-routes). Every row holds the full signed bytes, because only the whole body is verifiable: raw_body of a
 * shared-endpoint row may contain other tenants' changes and must never be shown to a tenant verbatim.
 */
export async function receiveSharedWebhook(input: WebhookInput): Promise<WebhookAnswer> {
  const secret = env().META_APP_SECRET;
  if (!secret) return { status: 404, text: "No shared Meta app is configured" };
  const rawBody = await input.readBody();
  if (!rawBody) return { status: 413, text: "Payload too large" };
  if (!verifySignature(rawBody, input.header("x-hub-signature-256"), secret)) {
    badSignatureCounter.record("shared app");
    return { status: 401, text: "Invalid signature" };
  }
  const headers = webhookHeaders(input);
  const parsed = parseEnvelope(rawBody);
  if (!parsed.ok) {
    await storeWebhookRows([{ rawBody, headers, signatureValid: true, status: "rejected", error: parsed.error, processedAt: new Date() }]);
    return { status: 400, text: "Malformed webhook body" };
  }
  const routes = await routeChanges(getDb(), parsed.envelope);
  const byOrg = new Map<string, typeof routes>();
  // A number belongs to whoever proved it: an unverified channel's organization gets no row (not even a rejected
  // one, whose raw body it could read): the change stays unrouted, with the reason.
  for (const r of routes) if (r.organizationId && !r.unverified) byOrg.set(r.organizationId, [...(byOrg.get(r.organizationId) ?? []), r]);
  const unrouted = routes.filter((r) => !r.organizationId || r.unverified);
  const values: WebhookRowInput[] = [...byOrg].map(([organizationId, mine]) => {
    const channelIds = new Set(mine.map((r) => r.channelId));
    const row = { organizationId, channelId: channelIds.size === 1 ? [...channelIds][0] : null, rawBody, headers, signatureValid: true };
    if (mine.every((r) => r.disabled)) return { ...row, status: "rejected" as const, error: "Channel disabled: not processed", processedAt: new Date() };
    const changes = mine.map((r) => ({ field: r.field, value: parsed.envelope.entry[r.entryIndex].changes[r.changeIndex].value, channelId: r.channelId }));
    return { ...row, status: "received" as const, orderingKey: webhookOrderingKey(organizationId, changes) };
  });
  if (unrouted.length || routes.length === 0) {
    values.push({
      rawBody,
      headers,
      signatureValid: true,
      status: "unrouted",
      error: unrouted.length
        ? `No verified channel for: ${unrouted.map((r) => `entry ${r.entryIndex} change ${r.changeIndex} (${r.field}, WABA ${r.wabaId}${r.unverified ? `, channel ${r.channelId} not verified` : ""})`).join(", ")}`
        : "No changes",
    });
  }
  try {
    await storeWebhookRows(values);
  } catch (err) {
    log.error({ err }, "whatsapp webhook could not be stored; answering 500 so Meta retries");
    return { status: 500, text: "Not stored; please retry" };
  }
  return { status: 200, text: "EVENT_RECEIVED" };
}
