import { z } from "zod";
import { parseId } from "@/lib/api/parse-id";
import { readJson, withOrg } from "@/lib/api/route";
import { duplicateTemplate } from "@/lib/whatsapp/templates/manage/duplicate-template";
import { toTemplateView } from "@/lib/whatsapp/templates/template-view";

const body = z.object({
  name: z.string().min(1).max(512),
  /** Another language keeps the name: that is how a template gets more languages. */
  language: z.string().min(2).max(20).optional(),
  channelId: z.string().min(1).max(100).optional(),
});

/** A copy of the template under a new name (or in another language), submitted for review: 201. */
export const POST = withOrg<{ orgSlug: string; templateId: string }>("templates.write", async ({ req, params, ctx }) => {
  const id = parseId(params.templateId, "Template");
  const input = await readJson(req, body);
  const template = await duplicateTemplate(ctx, id, { ...input, channelId: input.channelId ? parseId(input.channelId, "Channel") : undefined });
  return Response.json({ template: toTemplateView(template) }, { status: 201 });
});
