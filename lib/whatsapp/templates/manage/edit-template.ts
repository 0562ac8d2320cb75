import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { templates, type Template } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { AppError, conflict } from "@/lib/errors";
import { graphClientForChannel } from "@/lib/whatsapp/graph/graph-client-for-channel";
import { draftToComponents } from "../draft/draft-to-components";
import type { TemplateDraft } from "../draft/template-draft-schema";
import { getTemplateOrThrow } from "../get-template-or-throw";
import { assertLintClean } from "./assert-lint-clean";
import { metaTemplateError } from "./meta-template-error";
import { templateChannel } from "./template-channel";

/** Meta lets these be edited (REFERENCE.md §4.2); anything in review, disabled or deleted is not. */
export const EDITABLE_STATUSES = ["APPROVED", "REJECTED", "PAUSED"];

/**
 * Edits a template at Meta (POST /{template-id}: components replaced wholesale; the category only while it is not
 * approved) and mirrors the change: back to PENDING, the old rejection reason cleared. Name and language are the
 * template's identity and cannot change (duplicate it instead).
 */
export async function editTemplate(ctx: OrgContext, templateId: string, draft: TemplateDraft): Promise<Template> {
  const template = await getTemplateOrThrow(ctx.org.id, templateId);
  if (draft.name !== template.name || draft.language !== template.language) {
    const message = "The name and language of a template cannot change: duplicate it instead";
    throw new AppError("invalid_input", message, [{ path: draft.name !== template.name ? "name" : "language", message }]);
  }
  if (!EDITABLE_STATUSES.includes(template.status) || !template.metaTemplateId) {
    throw conflict(`A template that is ${template.status} cannot be edited: only approved, rejected or paused ones`);
  }
  assertLintClean(draft);
  const channel = await templateChannel(ctx.org.id, template);
  const components = draftToComponents(draft);
  const changeCategory = template.status !== "APPROVED" && draft.category !== template.category;
  try {
    await graphClientForChannel(channel).editTemplate(template.metaTemplateId, { components, ...(changeCategory && { category: draft.category }) });
  } catch (err) {
    metaTemplateError(err, "edit the template");
  }
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(templates)
      .set({
        components,
        status: "PENDING",
        rejectionReason: null,
        ...(changeCategory && { category: draft.category }),
        requestedCategory: changeCategory ? draft.category : template.requestedCategory,
        updatedAt: new Date(),
      })
      .where(and(eq(templates.organizationId, ctx.org.id), eq(templates.id, template.id)))
      .returning();
    await recordAudit(tx, ctx, { action: "templates.edited", targetType: "template", targetId: row.id, metadata: { name: row.name, language: row.language } });
    return row;
  });
}
