import { z } from "zod";
import { parseId } from "@/lib/api/parse-id";
import { readJson, withOrg } from "@/lib/api/route";
import { templateDraftSchema } from "@/lib/whatsapp/templates/draft/template-draft-schema";
import { deleteTemplate } from "@/lib/whatsapp/templates/manage/delete-template";
import { editTemplate } from "@/lib/whatsapp/templates/manage/edit-template";
import { getTemplateOrThrow } from "@/lib/whatsapp/templates/get-template-or-throw";
import { toTemplateView } from "@/lib/whatsapp/templates/template-view";

type Params = { orgSlug: string; templateId: string };

// One template with its components (the composer previews it with TemplatePreview before sending).
export const GET = withOrg<Params>("templates.read", async ({ params, ctx }) => {
  const template = await getTemplateOrThrow(ctx.org.id, parseId(params.templateId, "Template"));
  return { template: toTemplateView(template) };
});

/** Edits an approved, rejected or paused template: the whole draft, like Meta replaces the components wholesale. */
export const PUT = withOrg<Params>("templates.write", async ({ req, params, ctx }) => {
  const id = parseId(params.templateId, "Template");
  const draft = await readJson(req, templateDraftSchema);
  return { template: toTemplateView(await editTemplate(ctx, id, draft)) };
});

const deleteQuery = z.object({ allLanguages: z.enum(["true", "false"]).optional() });

/** Deletes this language (default) or, with `?allLanguages=true`, every language of the template's name. */
export const DELETE = withOrg<Params>("templates.write", async ({ req, params, ctx }) => {
  const id = parseId(params.templateId, "Template");
  const q = deleteQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return deleteTemplate(ctx, id, { allLanguages: q.allLanguages === "true" });
});
