import { withOrg } from "@/lib/api/route";
import { reapplyWebhookEvent } from "@/lib/whatsapp/reapply-webhook-event";

/** Re-applies a webhook's failed items (lib/whatsapp/WEBHOOKS.md, "Per-item outcomes"). */
export const POST = withOrg<{ orgSlug: string; webhookEventId: string }>("channels.manage", async ({ params, ctx }) =>
  Response.json({ webhookEvent: await reapplyWebhookEvent(ctx, params.webhookEventId) }, { status: 202 }),
);
