import { readJson, withOrg } from "@/lib/api/route";
import { createFlow } from "@/lib/flows/store/create-flow";
import { createFlowInput } from "@/lib/flows/store/flow-input";
import { listFlows } from "@/lib/flows/store/list-flows";

export const GET = withOrg("flows.read", async ({ ctx }) => ({ flows: await listFlows(ctx.org.id) }));

export const POST = withOrg("flows.manage", async ({ req, ctx }) => {
  const flow = await createFlow(ctx, await readJson(req, createFlowInput));
  return Response.json({ flow }, { status: 201 });
}, { idempotent: true });
