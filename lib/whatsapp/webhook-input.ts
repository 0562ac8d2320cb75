import { readLimitedBody } from "@/lib/http/read-limited-body";

/**
 * What the webhook receivers need of a request: the route handlers adapt a web `Request` to it, and tests (or a
 * future non-Next entry point) can feed the receivers without one.
 */
export type WebhookInput = {
  header(name: string): string | null;
  /** The raw body, or null when it is over MAX_WEBHOOK_BYTES. */
  readBody(): Promise<Uint8Array | null>;
};

/** Webhook answers are plain text: Meta reads only the status code. */
export type WebhookAnswer = { status: number; text: string };

export function webhookInputFromRequest(req: Request): WebhookInput {
  return { header: (name) => req.headers.get(name), readBody: () => readLimitedBody(req) };
}
