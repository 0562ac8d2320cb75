import { z } from "zod";
import { parseId } from "@/lib/api/parse-id";
import { readJson, withOrg } from "@/lib/api/route";
import { templateSubmitInput } from "@/lib/api/openapi/templates";
import { getChannelOrThrow } from "@/lib/channels/get-channel-or-throw";
import { submitTemplate } from "@/lib/whatsapp/templates/manage/submit-template";
import { listTemplates } from "@/lib/whatsapp/templates/list-templates";
import { toTemplateView } from "@/lib/whatsapp/templates/template-view";

const query = z.object({
  /** The templates of this channel's WhatsApp Business Account. */
  channelId: z.string().optional(),
  status: z.string().trim().regex(/^[A-Za-z_]{1,40}$/).optional(),
  includeDeleted: z.enum(["true", "false"]).optional(),
});

export const GET = withOrg("templates.read", async ({ req, ctx }) => {
  const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const wabaId = q.channelId ? (await getChannelOrThrow(ctx.org.id, parseId(q.channelId, "Channel"))).wabaId : undefined;
  const rows = await listTemplates(ctx.org.id, { wabaId, status: q.status, includeDeleted: q.includeDeleted === "true" });
  return { templates: rows.map(toTemplateView) };
});

/** Submits a new template (or a new language of a name) to Meta through one of the organization's numbers: 201. */
export const POST = withOrg("templates.write", async ({ req, ctx }) => {
  const { channelId, ...draft } = await readJson(req, templateSubmitInput);
  const template = await submitTemplate(ctx, { channelId: parseId(channelId, "Channel"), draft });
  return Response.json({ template: toTemplateView(template) }, { status: 201 });
}, { idempotent: true });
