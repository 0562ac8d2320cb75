import type { SmsGateway } from "@/db/schema";

export type SmsRequest = { method: string; url: string; headers: Record<string, string>; body: string | null };

/**
 * The gateway's request template filled in: `{to}` (E.164), `{message}`, `{secret}` and `{id}` (Papo's message id,
 * usable as the gateway's idempotency key). Each value is escaped for where it lands: percent-encoded in the URL,
 * JSON-escaped in a JSON body, form-encoded in a form body, as is elsewhere (headers, plain bodies).
 */
export function renderSmsRequest(gateway: Pick<SmsGateway, "method" | "urlTemplate" | "headers" | "bodyTemplate">, values: { to: string; message: string; secret: string; id: string }): SmsRequest {
  const fill = (template: string, escape: (v: string) => string) => template.replace(/\{(to|message|secret|id)\}/g, (_, k: keyof typeof values) => escape(values[k]));
  const headers = Object.fromEntries(Object.entries(gateway.headers).map(([k, v]) => [k, fill(v, (x) => x.replace(/[\r\n]/g, " "))]));
  const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === "content-type")?.[1] ?? "";
  const escapeBody = contentType.includes("json")
    ? (v: string) => JSON.stringify(v).slice(1, -1)
    : contentType.includes("x-www-form-urlencoded")
      ? encodeURIComponent
      : (v: string) => v;
  return {
    method: gateway.method,
    url: fill(gateway.urlTemplate, encodeURIComponent),
    headers,
    body: gateway.bodyTemplate ? fill(gateway.bodyTemplate, escapeBody) : null,
  };
}
