import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { getTemplateOrThrow } from "@/lib/whatsapp/templates/get-template-or-throw";
import { toTemplateView } from "@/lib/whatsapp/templates/template-view";

// One template with its components (the composer previews it with TemplatePreview before sending).
export const GET = withOrg<{ orgSlug: string; templateId: string }>("templates.read", async ({ params, ctx }) => {
  const template = await getTemplateOrThrow(ctx.org.id, parseId(params.templateId, "Template"));
  return { template: toTemplateView(template) };
});
