import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { templates } from "@/db/schema";
import type { TemplateQualityUpdate, TemplateStatusUpdate } from "../webhook/template-schema";

type Target = { organizationId: string; channelId: string | null; wabaId: string; eventTime: number | null };

/**
 * Upserts the template named in a `message_template_status_update` / `message_template_quality_update` webhook,
 * keyed by (organization, WABA, name, language). An event older than the one already applied (entry.time) is
 * ignored, so retries and late deliveries never move a template back.
 */
export async function applyTemplateUpdate(
  db: Db,
  target: Target,
  update: { kind: "status"; value: TemplateStatusUpdate } | { kind: "quality"; value: TemplateQualityUpdate },
): Promise<void> {
  const v = update.value;
  const key = {
    organizationId: target.organizationId,
    channelId: target.channelId,
    wabaId: target.wabaId,
    metaTemplateId: v.message_template_id,
    name: v.message_template_name,
    language: v.message_template_language,
  };
  const conflict = { target: [templates.organizationId, templates.wabaId, templates.name, templates.language] };
  if (update.kind === "status") {
    const s = update.value;
    const rejection = s.rejection_info?.reason ?? (s.reason && s.reason !== "NONE" ? s.reason : null);
    await db
      .insert(templates)
      .values({
        ...key,
        status: s.event,
        category: s.message_template_category ?? null,
        rejectionReason: rejection,
        statusEventTime: target.eventTime,
      })
      .onConflictDoUpdate({
        ...conflict,
        set: {
          metaTemplateId: key.metaTemplateId,
          status: s.event,
          category: sql`coalesce(${s.message_template_category ?? null}::text, ${templates.category})`,
          rejectionReason: s.event === "REJECTED" ? rejection : null,
          statusEventTime: target.eventTime,
        },
        setWhere: sql`${templates.statusEventTime} is null or ${target.eventTime}::bigint is null or ${templates.statusEventTime} <= ${target.eventTime}::bigint`,
      });
    return;
  }
  const q = update.value;
  await db
    .insert(templates)
    .values({ ...key, status: "UNKNOWN", quality: q.new_quality_score, qualityEventTime: target.eventTime })
    .onConflictDoUpdate({
      ...conflict,
      set: { metaTemplateId: key.metaTemplateId, quality: q.new_quality_score, qualityEventTime: target.eventTime },
      setWhere: sql`${templates.qualityEventTime} is null or ${target.eventTime}::bigint is null or ${templates.qualityEventTime} <= ${target.eventTime}::bigint`,
    });
}
