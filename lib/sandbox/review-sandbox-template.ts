import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, sandboxTemplates } from "@/db/schema";
import { postSignedWebhook } from "./post-signed-webhook";

/** A sandbox template whose name starts with this is rejected, so the rejection path can be seen without Meta. */
export const SANDBOX_REJECT_PREFIX = "reject_";

/**
 * The sandbox's review of one submitted template: approve it (or reject a `reject_…` one with a reason, as Meta
 * would), store the verdict on Meta's side, and report it through the channel's own signed status webhook — the
 * path a real `message_template_status_update` takes (process-webhook-event → apply-template-update). A template
 * no longer pending (deleted, or edited again: a newer review follows) gets nothing.
 */
export async function reviewSandboxTemplate(input: { channelId: string; metaTemplateId: string }, options: { origin?: string; fetch?: typeof fetch } = {}) {
  const [channel] = await getDb().select().from(channels).where(and(eq(channels.id, input.channelId), isNull(channels.deletedAt)));
  if (!channel?.appSecretEncrypted || channel.provider !== "sandbox") return { reviewed: false as const, reason: "channel gone" };
  const [row] = await getDb().select().from(sandboxTemplates).where(eq(sandboxTemplates.metaTemplateId, input.metaTemplateId));
  if (!row) return { reviewed: false as const, reason: "template gone" };
  const reject = row.name.startsWith(SANDBOX_REJECT_PREFIX);
  const event = reject ? "REJECTED" : "APPROVED";
  if (row.status === "PENDING") {
    await getDb()
      .update(sandboxTemplates)
      .set({ status: event, rejectedReason: reject ? "INVALID_FORMAT" : null, updatedAt: new Date() })
      .where(eq(sandboxTemplates.id, row.id));
  } else if (row.status !== event) return { reviewed: false as const, reason: `already ${row.status}` };
  const payload = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: row.wabaId,
        time: Math.floor(Date.now() / 1000),
        changes: [
          {
            field: "message_template_status_update",
            value: {
              event,
              message_template_id: Number(row.metaTemplateId),
              message_template_name: row.name,
              message_template_language: row.language,
              message_template_category: row.category,
              reason: reject ? "INVALID_FORMAT" : "NONE",
              ...(reject && {
                rejection_info: {
                  reason: "The sandbox rejects templates whose name starts with reject_.",
                  recommendation: "Rename the template (or duplicate it under another name) and submit it again.",
                },
              }),
            },
          },
        ],
      },
    ],
  };
  const res = await postSignedWebhook(channel, payload, options);
  if (res.status !== 200) throw new Error(`The webhook answered ${res.status}: ${res.body.slice(0, 200)}`);
  return { reviewed: true as const, event };
}
