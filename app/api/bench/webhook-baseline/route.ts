import { env } from "@/lib/env";
import { verifySignature } from "@/lib/whatsapp/verify-signature";
import { webhookInputFromRequest } from "@/lib/whatsapp/webhook-input";
import { webhookText } from "@/lib/whatsapp/webhook-text";

/**
 * `npm run bench:ingest`'s baseline: a bare route handler that only reads the body and checks its signature, on the
 * same server and build as the real webhook route, so "ack vs bare Next baseline" measures what Papo adds (channel
 * lookup, storing the row and its event). Off unless PAPO_BENCH_BASELINE_SECRET is set: answers 404 in production.
 */
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const secret = env().PAPO_BENCH_BASELINE_SECRET;
  if (!secret) return webhookText(404, "Not Found");
  const input = webhookInputFromRequest(req);
  const body = await input.readBody();
  if (!body || !verifySignature(body, input.header("x-hub-signature-256"), secret)) return webhookText(401, "Invalid signature");
  return webhookText(200, "OK");
}
