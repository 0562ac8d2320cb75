/**
 * A failed call to an Evolution gateway. `retry` follows the Graph API's policy (lib/whatsapp/graph/SENDING.md):
 * `safe` — nothing was done (gateway unreachable before sending, 5xx on a read, 429), `never` — the gateway refused
 * for good (401 bad key, 400/404 bad number or instance), `ambiguous` — the send may have gone (timeout, reset).
 */
export class EvolutionApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retry: "safe" | "never" | "ambiguous",
  ) {
    super(message);
    this.name = "EvolutionApiError";
  }
}
