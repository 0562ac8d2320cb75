import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { templates } from "@/db/schema";
import type { TemplateCategoryUpdate, TemplateQualityUpdate, TemplateStatusUpdate } from "../webhook/template-schema";
import { applyCategoryUpdate } from "../templates/apply-category-update";

type Target = { organizationId: string; channelId: string | null; wabaId: string; eventTime: number | null };

/**
 * Upserts the template named in a `message_template_status_update` / `message_template_quality_update` webhook,
 * keyed by (organization, WABA, name, language). An event older than the one already applied (entry.time) is
 * ignored, so retries and late deliveries never move a template back.
 *
 * The webhook carries only id, name, language and status, never the components: `needsSync` is true when the
 * template has no synced definition yet (new here, or only ever seen in webhooks), and the caller then asks for a
 * sync of the channel (papo/templates.sync) so sends can be checked against its parameters.
 */
export async function applyTemplateUpdate(
  db: Db,
  target: Target,
  update: { kind: "status"; value: TemplateStatusUpdate } | { kind: "quality"; value: TemplateQualityUpdate } | { kind: "category"; value: TemplateCategoryUpdate },
): Promise<{ needsSync: boolean }> {
  const v = update.value;
  if (update.kind === "category") {
    await applyCategoryUpdate(db, target, update.value);
    return { needsSync: await needsSync(db, { ...target, name: v.message_template_name, language: v.message_template_language }) };
  }
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
    return { needsSync: await needsSync(db, key) };
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
  return { needsSync: await needsSync(db, key) };
}

async function needsSync(db: Db, key: { organizationId: string; wabaId: string; name: string; language: string }): Promise<boolean> {
  const [row] = await db
    .select({ components: templates.components })
    .from(templates)
    .where(
      and(eq(templates.organizationId, key.organizationId), eq(templates.wabaId, key.wabaId), eq(templates.name, key.name), eq(templates.language, key.language)),
    )
    .limit(1);
  return !row || !Array.isArray(row.components) || row.components.length === 0;
}
