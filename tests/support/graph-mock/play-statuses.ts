import { createHmac } from "node:crypto";

export type StatusKind = "sent" | "delivered" | "read" | "failed";
export type PlayedStatus = { wamid: string; status: StatusKind; recipientId: string; callbackData?: string; errorCode?: number };

const FAILURES: Record<number, { title: string; details: string }> = {
  131047: { title: "Re-engagement message", details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number." },
  131026: { title: "Message undeliverable", details: "Unable to deliver message." },
};

/** A status webhook body shaped like shared/meta/payloads/status_*.json (v24+, PMP pricing). */
export function statusWebhookBody(s: PlayedStatus, ids: { wabaId: string; phoneNumberId: string; displayPhoneNumber: string }, timestamp: number) {
  const failure = s.status === "failed" ? (FAILURES[s.errorCode ?? 131026] ?? { title: "Error", details: "Injected failure" }) : undefined;
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: ids.wabaId,
        changes: [
          {
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: ids.displayPhoneNumber, phone_number_id: ids.phoneNumberId },
              statuses: [
                {
                  id: s.wamid,
                  status: s.status,
                  timestamp: String(timestamp),
                  recipient_id: s.recipientId,
                  ...(s.callbackData !== undefined && { biz_opaque_callback_data: s.callbackData }),
                  ...(s.status === "sent" || s.status === "delivered"
                    ? { pricing: { billable: true, pricing_model: "PMP", type: "regular", category: "service" } }
                    : {}),
                  ...(failure && {
                    errors: [
                      {
                        code: s.errorCode ?? 131026,
                        title: failure.title,
                        message: failure.title,
                        error_data: { details: failure.details },
                        href: "/documentation/business-messaging/whatsapp/support/error-codes",
                      },
                    ],
                  }),
                },
              ],
            },
            field: "messages",
          },
        ],
      },
    ],
  };
}

/** Meta's serialisation: non-ASCII as lowercase \uXXXX escapes, signed over exactly these bytes. */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function signatureFor(rawBody: string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody, "utf8").digest("hex")}`;
}

/**
 * POSTs one status webhook per status to `targetUrl`, signed with X-Hub-Signature-256 like Meta, optionally
 * shuffled and with duplicates (Meta guarantees neither order nor single delivery). Returns the HTTP statuses.
 */
export async function playStatuses(
  targetUrl: string,
  appSecret: string,
  statuses: PlayedStatus[],
  options: { shuffle?: boolean; duplicate?: boolean; wabaId?: string; phoneNumberId?: string; displayPhoneNumber?: string } = {},
): Promise<number[]> {
  const ids = {
    wabaId: options.wabaId ?? "104857392018274",
    phoneNumberId: options.phoneNumberId ?? "118293746501928",
    displayPhoneNumber: options.displayPhoneNumber ?? "5511955550123",
  };
  let list = statuses.map((s, i) => ({ s, ts: 1790001000 + i }));
  if (options.duplicate) list = list.flatMap((x) => [x, x]);
  if (options.shuffle) list = shuffled(list);
  const results: number[] = [];
  for (const { s, ts } of list) {
    const raw = metaJson(statusWebhookBody(s, ids, ts));
    const res = await fetch(targetUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signatureFor(raw, appSecret) },
      body: raw,
    });
    await res.arrayBuffer();
    results.push(res.status);
  }
  return results;
}

function shuffled<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
