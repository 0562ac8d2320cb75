import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channelRouting } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import type { ChannelRoutingInput } from "./channel-routing-input";
import { getChannelOrThrow } from "./get-channel-or-throw";

export type ChannelRoutingView = { proactiveChannelId: string | null };

/** The organization's routing rule (no row: no rule). */
export async function getChannelRouting(organizationId: string): Promise<ChannelRoutingView> {
  const [row] = await getDb().select().from(channelRouting).where(eq(channelRouting.organizationId, organizationId));
  return { proactiveChannelId: row?.proactiveChannelId ?? null };
}

/** Sets the proactive number; another organization's (or a deleted) number is a 404, like any channel id. */
export async function setChannelRouting(ctx: Pick<OrgContext, "org" | "actor">, input: ChannelRoutingInput): Promise<ChannelRoutingView> {
  if (input.proactiveChannelId) await getChannelOrThrow(ctx.org.id, input.proactiveChannelId);
  return getDb().transaction(async (tx) => {
    await tx
      .insert(channelRouting)
      .values({ organizationId: ctx.org.id, proactiveChannelId: input.proactiveChannelId })
      .onConflictDoUpdate({ target: channelRouting.organizationId, set: { proactiveChannelId: input.proactiveChannelId, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "channel_routing.updated", targetType: "organization", targetId: ctx.org.id, metadata: { proactiveChannelId: input.proactiveChannelId } });
    return { proactiveChannelId: input.proactiveChannelId };
  });
}
