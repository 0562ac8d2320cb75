/** Meta-shaped error bodies (shared/meta/payloads/error_*_response.json) for the codes tests inject. */
const known: Record<number, { http: number; title: string; details: string }> = {
  130429: { http: 400, title: "Rate limit hit", details: "Cloud API message throughput has been reached." },
  131056: { http: 400, title: "(Business Account, Consumer Account) pair rate limit hit", details: "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time." },
  131047: { http: 400, title: "Re-engagement message", details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number." },
  131026: { http: 400, title: "Message undeliverable", details: "Unable to deliver message." },
  131050: { http: 400, title: "User has stopped marketing messages", details: "Unable to deliver the marketing message because the user has chosen to stop receiving them." },
  132000: { http: 400, title: "Number of parameters does not match the expected number of params", details: "body: number of localizable_params (1) does not match the expected number of params (2)" },
  132001: { http: 400, title: "Template name does not exist in the translation", details: "template name (pedido_confirmado) does not exist in pt_BR" },
  131000: { http: 500, title: "Something went wrong", details: "Message failed to send because of an unknown error." },
  190: { http: 401, title: "Error validating access token", details: "Session has expired." },
};

export function metaErrorBody(code: number): { http: number; body: unknown } {
  const k = known[code] ?? { http: 400, title: "Error", details: `Injected error ${code}` };
  return {
    http: k.http,
    body: {
      error: {
        message: `(#${code}) ${k.title}`,
        type: "OAuthException",
        code,
        error_data: { messaging_product: "whatsapp", details: k.details },
        fbtrace_id: `Afake${code}${Math.random().toString(36).slice(2, 8)}`,
      },
    },
  };
}
