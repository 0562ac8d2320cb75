import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { channels, flows } from "@/db/schema";
import { startData } from "../nodes/start/schema";
import { matchTrigger, TRIGGER_RANK, type TriggerFacts } from "./match-trigger";
import { loadVersionGraph } from "./load-version-graph";

export type PickedFlow = { flowId: string; flowVersionId: string; settings: Record<string, unknown>; reason: string };

export type PublishedFlow = { id: string; versionId: string | null; settings: Record<string, unknown> };

/** The organization's published, active flows in pickFlow's order, as a column of the caller's select. */
export const publishedFlowsColumn = (organizationId: string) =>
  sql<PublishedFlow[] | null>`(select json_agg(json_build_object('id', f.id, 'versionId', f.published_version_id, 'settings', f.settings) order by f.created_at, f.id)
    from flows f where f.organization_id = ${organizationId} and f.status = 'active' and f.published_version_id is not null and f.deleted_at is null)`;

/**
 * The flow a conversation without a live session starts: the published flows whose start-node trigger matches
 * (the most specific kind wins: keyword, campaign reply, first message, any message; then the oldest flow), else
 * the channel's default flow when it is published and active. Null: no bot for this message.
 */
export async function pickFlow(
  organizationId: string,
  channelId: string,
  facts: TriggerFacts,
  db: Db | Tx = getDb(),
  /** The published flows, when the caller read them already (publishedFlowsColumn): saves a statement. */
  published?: PublishedFlow[] | null,
): Promise<PickedFlow | null> {
  const candidates =
    published ??
    (await db
      .select({ id: flows.id, versionId: flows.publishedVersionId, settings: flows.settings })
      .from(flows)
      .where(and(eq(flows.organizationId, organizationId), eq(flows.status, "active"), isNotNull(flows.publishedVersionId), isNull(flows.deletedAt)))
      .orderBy(asc(flows.createdAt), asc(flows.id)));
  let best: (PickedFlow & { rank: number }) | null = null;
  for (const flow of candidates) {
    const { graph } = await loadVersionGraph(organizationId, flow.versionId!, db);
    const start = graph.nodes.find((n) => n.type === "start");
    if (!start) continue;
    for (const trigger of startData.parse(start.data).triggers) {
      const rank = TRIGGER_RANK[trigger.kind];
      if ((best && best.rank <= rank) || !matchTrigger(trigger, facts)) continue;
      best = { flowId: flow.id, flowVersionId: flow.versionId!, settings: flow.settings, reason: `trigger:${trigger.kind}`, rank };
    }
  }
  if (best) return { flowId: best.flowId, flowVersionId: best.flowVersionId, settings: best.settings, reason: best.reason };
  const [fallback] = await db
    .select({ id: flows.id, versionId: flows.publishedVersionId, settings: flows.settings })
    .from(channels)
    .innerJoin(flows, and(eq(flows.organizationId, channels.organizationId), eq(flows.id, channels.defaultFlowId)))
    .where(and(eq(channels.organizationId, organizationId), eq(channels.id, channelId), inArray(flows.status, ["active"]), isNotNull(flows.publishedVersionId), isNull(flows.deletedAt)));
  return fallback ? { flowId: fallback.id, flowVersionId: fallback.versionId!, settings: fallback.settings, reason: "channel_default" } : null;
}
