/**
 * What a provider adapter turns a neutral message into: the one HTTP request its gateway expects. `cloud` and
 * `sandbox` numbers speak the Graph API (the sandbox's Graph API is Papo itself), `evolution` numbers speak
 * Evolution API v2's per-instance endpoints.
 */
export type ProviderRequest =
  | { provider: "graph"; path: "messages"; body: Record<string, unknown> }
  | { provider: "evolution"; path: string; body: Record<string, unknown> };

/** A neutral message kind this provider cannot carry at all (e.g. a template through WhatsApp Web). */
export class UnsupportedOnProviderError extends Error {
  constructor(
    readonly provider: string,
    readonly kind: string,
    reason: string,
  ) {
    super(`${provider} cannot send a ${kind} message: ${reason}`);
    this.name = "UnsupportedOnProviderError";
  }
}
