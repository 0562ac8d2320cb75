import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, templates } from "@/db/schema";
import type { TemplateCategoryUpdate } from "../webhook/template-schema";

type Target = { organizationId: string; channelId: string | null; wabaId: string; eventTime: number | null };

/**
 * Applies a `template_category_update` webhook to the template (organization, WABA, name, language): a change Meta
 * made moves `category` and is kept in `category_change` (from → to) for the templates manager; a notice of a change
 * to come is kept there with `impending` and leaves `category` alone. Audited (actor: Meta, no user or key) in the
 * caller's transaction. An event not newer than the one applied (entry.time) changes nothing and audits nothing, so
 * a retried or redelivered webhook leaves one audit entry.
 */
export async function applyCategoryUpdate(db: Db, target: Target, v: TemplateCategoryUpdate): Promise<void> {
  const impending = !v.new_category;
  const to = (v.new_category ?? v.correct_category)!;
  const at = new Date((target.eventTime ?? Date.now() / 1000) * 1000).toISOString();
  const key = {
    organizationId: target.organizationId,
    channelId: target.channelId,
    wabaId: target.wabaId,
    metaTemplateId: v.message_template_id,
    name: v.message_template_name,
    language: v.message_template_language,
  };
  const from = v.previous_category ?? null;
  const change = (fromSql: unknown) => sql`jsonb_build_object('from', ${fromSql}::text, 'to', ${to}::text, 'at', ${at}::text${impending ? sql`, 'impending', true` : sql``})`;
  const [row] = await db
    .insert(templates)
    .values({
      ...key,
      status: "UNKNOWN",
      category: impending ? null : to,
      categoryChange: { from, to, at, ...(impending ? { impending } : {}) },
      categoryEventTime: target.eventTime,
    })
    .onConflictDoUpdate({
      target: [templates.organizationId, templates.wabaId, templates.name, templates.language],
      set: {
        metaTemplateId: key.metaTemplateId,
        category: impending ? sql`${templates.category}` : to,
        // Meta's previous category when it says; else the one Papo had.
        categoryChange: change(sql`coalesce(${from}::text, ${templates.category})`),
        categoryEventTime: target.eventTime,
      },
      setWhere: sql`${templates.categoryEventTime} is null or ${target.eventTime}::bigint is null or ${templates.categoryEventTime} < ${target.eventTime}::bigint`,
    })
    .returning({ id: templates.id, categoryChange: templates.categoryChange });
  if (!row) return;
  await db.insert(auditLog).values({
    organizationId: target.organizationId,
    actorUserId: null,
    actorApiKeyId: null,
    action: impending ? "templates.category_change_announced" : "templates.category_changed",
    targetType: "template",
    targetId: row.id,
    metadata: { name: key.name, language: key.language, from: row.categoryChange?.from ?? null, to, by: "meta" },
  });
}
