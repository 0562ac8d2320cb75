import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { channels, templates, type Channel } from "@/db/schema";
import { conflict, notFound } from "@/lib/errors";
import type { GraphClient, TemplateSummary } from "@/lib/whatsapp/graph/graph-client";
import { graphClientForChannel } from "@/lib/whatsapp/graph/graph-client-for-channel";

/** What Meta no longer returns is kept, with this status (see syncTemplates). */
export const DELETED_STATUS = "DELETED";

export type SyncTemplatesResult = { fetched: number; upserted: number; markedDeleted: number };

/**
 * Mirrors one channel's WhatsApp Business Account templates: pages through GET message_templates, upserts every
 * template by (organization, WABA, name, language) — status, category, quality, components, Meta id — and marks
 * the organization's templates of that WABA that Meta no longer returns as DELETED.
 *
 * Decision (absent → DELETED, row kept): messages already sent reference the template by name, the Templates
 * page can still show what it was, and a template Meta returns again later simply comes back with its real
 * status. Sending refuses anything not APPROVED, so a DELETED row is never used. Only rows a sync has filled
 * (components known) are marked: a row known only from a status webhook (no components; never sendable) keeps
 * what the webhook said, so a list that lags behind a brand-new template's webhook cannot flip it to DELETED.
 *
 * The sync stamps `status_event_time` (and `quality_event_time` when Meta reported a score) with its own time, so a
 * status webhook older than the sync arriving late is ignored (apply-template-update's time guard), while a newer
 * one still applies.
 */
export async function syncTemplates(
  db: Db,
  channel: Pick<Channel, "id" | "organizationId" | "wabaId">,
  client: Pick<GraphClient, "listTemplates">,
  now: Date = new Date(),
): Promise<SyncTemplatesResult> {
  const listed = await client.listTemplates();
  // Meta never returns one (name, language) twice; if it ever did, the last one wins rather than failing the upsert.
  const unique = new Map<string, TemplateSummary>();
  for (const t of listed) unique.set(`${t.name}\u0000${t.language}`, t);
  const rows = [...unique.values()];
  const seconds = Math.floor(now.getTime() / 1000);

  return db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200).map((t) => {
        const quality = qualityOf(t);
        return {
          organizationId: channel.organizationId,
          channelId: channel.id,
          wabaId: channel.wabaId,
          metaTemplateId: t.id,
          name: t.name,
          language: t.language,
          category: t.category ?? null,
          status: t.status,
          quality,
          components: Array.isArray(t.components) ? (t.components as unknown[]) : [],
          rejectionReason: rejectionOf(t),
          statusEventTime: seconds,
          qualityEventTime: quality ? seconds : null,
          updatedAt: now,
        };
      });
      await tx
        .insert(templates)
        .values(chunk)
        .onConflictDoUpdate({
          target: [templates.organizationId, templates.wabaId, templates.name, templates.language],
          set: {
            channelId: sql`excluded.channel_id`,
            metaTemplateId: sql`excluded.meta_template_id`,
            category: sql`coalesce(excluded.category, ${templates.category})`,
            status: sql`excluded.status`,
            quality: sql`coalesce(excluded.quality, ${templates.quality})`,
            components: sql`excluded.components`,
            rejectionReason: sql`excluded.rejection_reason`,
            statusEventTime: sql`excluded.status_event_time`,
            qualityEventTime: sql`coalesce(excluded.quality_event_time, ${templates.qualityEventTime})`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    }
    const known = await tx
      .select({ id: templates.id, name: templates.name, language: templates.language })
      .from(templates)
      .where(
        and(
          eq(templates.organizationId, channel.organizationId),
          eq(templates.wabaId, channel.wabaId),
          ne(templates.status, DELETED_STATUS),
          sql`jsonb_array_length(${templates.components}) > 0`,
        ),
      );
    const gone = known.filter((t) => !unique.has(`${t.name}\u0000${t.language}`)).map((t) => t.id);
    for (let i = 0; i < gone.length; i += 500) {
      await tx
        .update(templates)
        .set({ status: DELETED_STATUS, statusEventTime: seconds, updatedAt: now })
        .where(and(eq(templates.organizationId, channel.organizationId), inArray(templates.id, gone.slice(i, i + 500))));
    }
    return { fetched: listed.length, upserted: rows.length, markedDeleted: gone.length };
  });
}

/**
 * The channel a sync runs for: a live channel of the organization with an access token (409 without one). A sandbox
 * channel syncs from the sandbox Graph API, which answers its demo templates (lib/sandbox/demo-templates.ts).
 */
export async function templateSyncChannel(organizationId: string, channelId: string): Promise<Channel> {
  const [channel] = await getDb()
    .select()
    .from(channels)
    .where(and(eq(channels.organizationId, organizationId), eq(channels.id, channelId), isNull(channels.deletedAt)))
    .limit(1);
  if (!channel) throw notFound("Channel");
  if (!channel.accessTokenEncrypted) throw conflict("The channel has no access token: add it before syncing templates");
  return channel;
}

/** Loads the channel and syncs it with its own Graph client (META_GRAPH_API_URL / VERSION). */
export async function syncTemplatesForChannel(organizationId: string, channelId: string, now?: Date): Promise<SyncTemplatesResult> {
  const channel = await templateSyncChannel(organizationId, channelId);
  return syncTemplates(getDb(), channel, graphClientForChannel(channel), now);
}

function qualityOf(t: TemplateSummary): string | null {
  const q = (t as Record<string, unknown>).quality_score;
  if (typeof q === "string") return q;
  if (q && typeof q === "object" && typeof (q as { score?: unknown }).score === "string") return (q as { score: string }).score;
  return null;
}

function rejectionOf(t: TemplateSummary): string | null {
  const r = (t as Record<string, unknown>).rejected_reason;
  return t.status === "REJECTED" && typeof r === "string" && r !== "NONE" ? r : null;
}
