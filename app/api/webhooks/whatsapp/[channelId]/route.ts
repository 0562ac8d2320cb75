import { rateLimitedResponse } from "@/lib/api/rate-limited-response";
import { receiveChannelWebhook } from "@/lib/whatsapp/receive-channel-webhook";
import { verifyHandshake } from "@/lib/whatsapp/verify-handshake";
import { webhookChannel } from "@/lib/whatsapp/webhook-channel";
import { webhookInputFromRequest } from "@/lib/whatsapp/webhook-input";
import { webhookText } from "@/lib/whatsapp/webhook-text";

// Meta's webhook for one channel. No session: authenticity is the verify token (GET) or the HMAC (POST).
export const dynamic = "force-dynamic";

type Route = { params: Promise<{ channelId: string }> };

export async function GET(req: Request, route: Route) {
  const limited = await rateLimitedResponse("webhook-verify", req);
  if (limited) return limited;
  const channel = await webhookChannel((await route.params).channelId);
  const challenge = channel ? verifyHandshake(new URL(req.url), channel.verifyToken) : null;
  return challenge === null ? webhookText(403, "Forbidden") : webhookText(200, challenge);
}

export async function POST(req: Request, route: Route) {
  const answer = await receiveChannelWebhook(webhookInputFromRequest(req), (await route.params).channelId);
  return webhookText(answer.status, answer.text);
}
