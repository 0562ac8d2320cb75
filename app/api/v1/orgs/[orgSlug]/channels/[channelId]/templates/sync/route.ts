import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { requestTemplateSync } from "@/lib/whatsapp/templates/request-template-sync";

type Params = { orgSlug: string; channelId: string };

/** 202: the sync runs as a durable function (sync-templates); its outcome shows on the templates list and Runs. */
export const POST = withOrg<Params>("templates.manage", async ({ params, ctx }) =>
  Response.json(await requestTemplateSync(ctx, parseId(params.channelId, "Channel")), { status: 202 }),
);
