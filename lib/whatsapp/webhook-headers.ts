import type { WebhookInput } from "./webhook-input";

const KEPT = ["x-hub-signature-256", "content-type", "content-length", "user-agent"];

/** The request headers worth keeping next to a stored webhook body (no cookies, no auth). */
export function webhookHeaders(input: Pick<WebhookInput, "header">): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT) {
    const v = input.header(name);
    if (v !== null) out[name] = v;
  }
  return out;
}
