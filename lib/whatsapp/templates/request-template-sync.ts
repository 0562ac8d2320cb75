import { getDb } from "@/db";
import { inngest } from "@/inngest/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { templateSyncChannel } from "./sync-templates";

/**
 * Asks for a sync of one channel's templates (papo/templates.sync → sync-templates). Checks up front what would make
 * the run fail for sure (unknown channel 404, sandbox channel or no token 409); Meta itself is only called by the
 * durable function, so the answer does not wait for it. Audited once the event is accepted.
 */
export async function requestTemplateSync(ctx: OrgContext, channelId: string): Promise<{ eventId: string }> {
  const channel = await templateSyncChannel(ctx.org.id, channelId);
  const { ids } = await inngest.send({ name: "papo/templates.sync", data: { organizationId: ctx.org.id, channelId: channel.id } });
  const eventId = ids[0];
  await recordAudit(getDb(), ctx, { action: "templates.sync_requested", targetType: "channel", targetId: channel.id, metadata: { eventId } });
  return { eventId };
}
