import { log } from "@/lib/log/logger";

/**
 * Requests refused for a bad or missing signature since the process started. Nothing about them is stored (they
 * are unauthenticated); this counter is for a metrics endpoint, plus one log line per request.
 */
export const badSignatureCounter = {
  total: 0,
  byChannel: new Map<string, number>(),
  record(scope: string) {
    this.total += 1;
    this.byChannel.set(scope, (this.byChannel.get(scope) ?? 0) + 1);
    log.warn(`whatsapp webhook refused: bad or missing X-Hub-Signature-256 (${scope})`);
  },
};
