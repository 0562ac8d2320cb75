import { z } from "zod";
import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { getChannelOrThrow } from "@/lib/channels/get-channel-or-throw";
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
