import { parseId } from "@/lib/api/parse-id";
import { readJson, withOrg } from "@/lib/api/route";
import { deleteFlow } from "@/lib/flows/store/delete-flow";
import { updateFlowInput } from "@/lib/flows/store/flow-input";
import { getFlow } from "@/lib/flows/store/get-flow";
import { updateFlow } from "@/lib/flows/store/update-flow";

type Params = { orgSlug: string; flowId: string };

export const GET = withOrg<Params>("flows.read", async ({ params, ctx }) => ({ flow: await getFlow(ctx.org.id, parseId(params.flowId, "Flow")) }));

export const PATCH = withOrg<Params>("flows.manage", async ({ req, params, ctx }) => ({
  flow: await updateFlow(ctx, parseId(params.flowId, "Flow"), await readJson(req, updateFlowInput)),
}));

export const DELETE = withOrg<Params>("flows.manage", async ({ params, ctx }) => {
  await deleteFlow(ctx, parseId(params.flowId, "Flow"));
  return { ok: true };
});
