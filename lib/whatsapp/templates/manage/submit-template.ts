import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { templates, type Template } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { graphClientForChannel } from "@/lib/whatsapp/graph/graph-client-for-channel";
import { templateSyncChannel } from "../sync-templates";
import { draftToMetaBody } from "../draft/draft-to-components";
import type { TemplateDraft } from "../draft/template-draft-schema";
import { assertLintClean } from "./assert-lint-clean";
import { metaTemplateError } from "./meta-template-error";

/**
 * Submits a new template (or a new language of an existing name) to Meta through one of the organization's
 * channels, then mirrors it in `templates` with Meta's id, first status and category — the one Meta settled on,
 * next to the one asked for. Review ends later with a status webhook (apply-template-update.ts), which moves the
 * row on; a sandbox number approves it itself after a few seconds through that same webhook.
 *
 * Meta is called before the write: a refusal writes nothing. If the write were lost after Meta accepted, the next
 * status webhook or sync (both upsert by name and language) brings the template back.
 */
export async function submitTemplate(ctx: OrgContext, input: { channelId: string; draft: TemplateDraft }, action = "templates.submitted"): Promise<Template> {
  const { draft } = input;
  assertLintClean(draft);
  const channel = await templateSyncChannel(ctx.org.id, input.channelId);
  const body = draftToMetaBody(draft);
  let created;
  try {
    created = await graphClientForChannel(channel).createTemplate(body);
  } catch (err) {
    metaTemplateError(err, "create the template");
  }
  const now = new Date();
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(templates)
      .values({
        organizationId: ctx.org.id,
        channelId: channel.id,
        wabaId: channel.wabaId,
        metaTemplateId: created.id,
        name: draft.name,
        language: draft.language,
        category: created.category ?? draft.category,
        requestedCategory: draft.category,
        status: created.status,
        components: body.components,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [templates.organizationId, templates.wabaId, templates.name, templates.language],
        set: {
          channelId: channel.id,
          // A status webhook for this very template may have landed first (the sandbox is quick): keep its word.
          status: sql`case when ${templates.metaTemplateId} = excluded.meta_template_id then ${templates.status} else excluded.status end`,
          category: sql`case when ${templates.metaTemplateId} = excluded.meta_template_id then coalesce(${templates.category}, excluded.category) else excluded.category end`,
          rejectionReason: sql`case when ${templates.metaTemplateId} = excluded.meta_template_id then ${templates.rejectionReason} else null end`,
          metaTemplateId: sql`excluded.meta_template_id`,
          requestedCategory: sql`excluded.requested_category`,
          components: sql`excluded.components`,
          quality: null,
          updatedAt: now,
        },
      })
      .returning();
    await recordAudit(tx, ctx, { action, targetType: "template", targetId: row.id, metadata: { name: row.name, language: row.language, status: row.status } });
    return row;
  });
}
