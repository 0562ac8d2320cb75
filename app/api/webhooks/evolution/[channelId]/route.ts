import { receiveEvolutionWebhook } from "@/lib/evolution/receive-evolution-webhook";
import { webhookInputFromRequest } from "@/lib/whatsapp/webhook-input";
import { webhookText } from "@/lib/whatsapp/webhook-text";

// An Evolution API instance's webhook for one channel. No session: authenticity is the per-channel secret header.
export const dynamic = "force-dynamic";

type Route = { params: Promise<{ channelId: string }> };

export async function POST(req: Request, route: Route) {
  const answer = await receiveEvolutionWebhook(webhookInputFromRequest(req), (await route.params).channelId);
  return webhookText(answer.status, answer.text);
}
