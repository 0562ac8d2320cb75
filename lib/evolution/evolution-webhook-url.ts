import { env } from "@/lib/env";

/** Where an Evolution instance posts its webhooks for one channel. */
export function evolutionWebhookUrl(channelId: string, origin: string = env().publicUrl): string {
  return `${origin.replace(/\/+$/, "")}/api/webhooks/evolution/${channelId}`;
}
