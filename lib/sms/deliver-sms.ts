import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, smsGateways } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { getFlowRuntimeSettings } from "@/lib/flows/runtime/flow-runtime-settings";
import { performHttpRequest } from "@/lib/flows/runtime/effects/perform-http-request";
import { markSendFailed } from "@/lib/messages/mark-send-failed";
import { publishMessageChanged } from "@/lib/realtime/publish-message-changed";
import { renderSmsRequest } from "./render-sms-request";

export type SmsDelivery = { kind: "sent"; httpStatus: number } | { kind: "already"; status: string } | { kind: "failed"; title: string } | { kind: "retry"; message: string };

/**
 * Sends one queued SMS row through the organization's gateway. 2xx → `sent`; a 4xx or a blocked address → failed
 * (the gateway refused: the same request will not pass later); no answer or a 5xx → `retry` (the step is retried; the
 * message id is in `{id}` for gateways that de-duplicate). The private-address guard of flows' HTTP node applies
 * unless the organization allows private addresses.
 */
export async function deliverSms(organizationId: string, messageId: string): Promise<SmsDelivery> {
  const db = getDb();
  const [row] = await db.select().from(messages).where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId), eq(messages.deliveryPath, "sms")));
  if (!row) return { kind: "failed", title: `SMS message ${messageId} does not exist` };
  if (row.status !== "queued") return { kind: "already", status: row.status };
  const fail = async (title: string, details?: string) => {
    await markSendFailed(organizationId, messageId, { code: null, title, details, explanation: "The SMS gateway did not take this message. Check Settings → SMS gateway." });
    return { kind: "failed" as const, title };
  };
  const [gateway] = await db.select().from(smsGateways).where(eq(smsGateways.organizationId, organizationId));
  if (!gateway) return fail("No SMS gateway configured");
  const sms = (row.content.sms ?? {}) as { to?: string };
  const request = renderSmsRequest(gateway, {
    to: sms.to ?? "",
    message: String(row.content.body ?? ""),
    secret: gateway.secretEncrypted ? decryptSecret(gateway.secretEncrypted) : "",
    id: messageId,
  });
  const { allowPrivateHttp } = await getFlowRuntimeSettings(organizationId);
  const result = await performHttpRequest({ ...request, timeoutMs: 15_000 }, { allowPrivate: allowPrivateHttp });
  if (result.ok) {
    await db
      .update(messages)
      .set({ status: "sent", sentAt: new Date(), content: sql`${messages.content} || ${JSON.stringify({ sms: { ...sms, gatewayStatus: result.status } })}::jsonb` })
      .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId), eq(messages.status, "queued")));
    await publishMessageChanged(organizationId, messageId);
    return { kind: "sent", httpStatus: result.status };
  }
  if (result.status >= 400 && result.status < 500) return fail(`The SMS gateway refused the message (HTTP ${result.status})`, bodyPreview(result.body));
  if (result.error?.startsWith("Blocked:")) return fail("The SMS gateway address is not allowed", result.error);
  return { kind: "retry", message: result.error ?? `The SMS gateway answered HTTP ${result.status}` };
}

function bodyPreview(body: unknown): string {
  return (typeof body === "string" ? body : JSON.stringify(body) ?? "").slice(0, 300);
}
