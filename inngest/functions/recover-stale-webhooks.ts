import { getDb } from "@/db";
import { findStaleWebhooks } from "@/lib/whatsapp/find-stale-webhooks";
import { inngest } from "../client";

/**
 * Every two minutes: hands off webhook rows that were stored (Meta got its 200) but whose papo/webhook.received was never
 * sent — the send failed, or the process died between the commit and the send (Inngest Cloud / self-hosted mode;
 * the embedded executor stores row and event in one transaction). Same event id as the first send
 * (`webhook-<row id>`), so nothing starts twice. Nothing a customer sent is lost to a crash after the 200.
 */
export const recoverStaleWebhooks = inngest.createFunction(
  { id: "recover-stale-webhooks", triggers: [{ cron: "*/2 * * * *" }] },
  async ({ step }) => {
    const stale = await step.run("find-stale", () => findStaleWebhooks(getDb(), new Date()));
    if (stale.length) {
      await step.sendEvent(
        "hand-off",
        stale.map((s) => ({ id: `webhook-${s.webhookEventId}`, name: "papo/webhook.received" as const, data: s })),
      );
    }
    return { handedOff: stale.length };
  },
);
