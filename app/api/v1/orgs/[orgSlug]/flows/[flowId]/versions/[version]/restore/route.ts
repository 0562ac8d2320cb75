import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { restoreVersion } from "@/lib/flows/store/restore-version";

type Params = { orgSlug: string; flowId: string; version: string };

/** Copies published version N into the draft; answers the new draft (with its new revision). */
export const POST = withOrg<Params>("flows.manage", async ({ params, ctx }) => {
  const version = /^[1-9]\d{0,8}$/.test(params.version) ? Number(params.version) : null;
  if (version === null) throw notFound("Flow version");
  return { draft: await restoreVersion(ctx, parseId(params.flowId, "Flow"), version) };
});
