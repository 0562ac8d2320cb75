import { parseId } from "@/lib/api/parse-id";
import { readJson, withOrg } from "@/lib/api/route";
import { templateDuplicateInput } from "@/lib/api/openapi/templates";
import { duplicateTemplate } from "@/lib/whatsapp/templates/manage/duplicate-template";
import { toTemplateView } from "@/lib/whatsapp/templates/template-view";

/** A copy of the template under a new name (or in another language), submitted for review: 201. */
export const POST = withOrg<{ orgSlug: string; templateId: string }>("templates.write", async ({ req, params, ctx }) => {
  const id = parseId(params.templateId, "Template");
  const input = await readJson(req, templateDuplicateInput);
  const template = await duplicateTemplate(ctx, id, { ...input, channelId: input.channelId ? parseId(input.channelId, "Channel") : undefined });
  return Response.json({ template: toTemplateView(template) }, { status: 201 });
}, { idempotent: true });
