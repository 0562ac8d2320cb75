import { rateLimitedResponse } from "@/lib/api/rate-limited-response";
import { env } from "@/lib/env";
import { receiveSharedWebhook } from "@/lib/whatsapp/receive-shared-webhook";
import { verifyHandshake } from "@/lib/whatsapp/verify-handshake";
import { webhookInputFromRequest } from "@/lib/whatsapp/webhook-input";
import { webhookText } from "@/lib/whatsapp/webhook-text";

// The default callback of a Meta app shared by many organizations (META_APP_SECRET, META_WEBHOOK_VERIFY_TOKEN).
export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const limited = await rateLimitedResponse("webhook-verify", req);
  if (limited) return limited;
  const challenge = verifyHandshake(new URL(req.url), env().META_WEBHOOK_VERIFY_TOKEN);
  return challenge === null ? webhookText(403, "Forbidden") : webhookText(200, challenge);
}

export async function POST(req: Request) {
  const answer = await receiveSharedWebhook(webhookInputFromRequest(req));
  return webhookText(answer.status, answer.text);
}
