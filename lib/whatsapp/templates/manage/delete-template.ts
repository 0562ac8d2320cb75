import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { templates } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { conflict } from "@/lib/errors";
import { graphClientForChannel } from "@/lib/whatsapp/graph/graph-client-for-channel";
import { getTemplateOrThrow } from "../get-template-or-throw";
import { DELETED_STATUS } from "../sync-templates";
import { metaTemplateError } from "./meta-template-error";
import { templateChannel } from "./template-channel";

/**
 * Deletes a template at Meta — this language only (by hsm_id + name) or every language of its name — and marks the
 * mirrored rows DELETED (kept: sent messages still name them, like a sync does). Meta keeps a deleted approved
 * name blocked for 30 days.
 */
export async function deleteTemplate(ctx: OrgContext, templateId: string, options: { allLanguages: boolean }): Promise<{ deleted: number }> {
  const template = await getTemplateOrThrow(ctx.org.id, templateId);
  if (template.status === DELETED_STATUS) throw conflict("This template is already deleted");
  if (template.status === "DISABLED") throw conflict("Meta does not allow deleting a disabled template");
  if (!options.allLanguages && !template.metaTemplateId) throw conflict("This template has no Meta id yet: sync the templates first");
  const channel = await templateChannel(ctx.org.id, template);
  try {
    await graphClientForChannel(channel).deleteTemplate(template.name, options.allLanguages ? undefined : (template.metaTemplateId ?? undefined));
  } catch (err) {
    metaTemplateError(err, "delete the template");
  }
  return getDb().transaction(async (tx) => {
    const scope = options.allLanguages ? eq(templates.name, template.name) : eq(templates.id, template.id);
    const rows = await tx
      .update(templates)
      .set({ status: DELETED_STATUS, updatedAt: new Date() })
      .where(and(eq(templates.organizationId, ctx.org.id), eq(templates.wabaId, template.wabaId), scope, ne(templates.status, DELETED_STATUS)))
      .returning({ id: templates.id });
    await recordAudit(tx, ctx, {
      action: "templates.deleted",
      targetType: "template",
      targetId: template.id,
      metadata: { name: template.name, language: options.allLanguages ? "all" : template.language },
    });
    return { deleted: rows.length };
  });
}
