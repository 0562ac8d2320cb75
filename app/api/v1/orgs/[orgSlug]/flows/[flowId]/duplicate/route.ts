import { z } from "zod";
import { parseId } from "@/lib/api/parse-id";
import { readJson, withOrg } from "@/lib/api/route";
import { duplicateFlow } from "@/lib/flows/store/duplicate-flow";
import { flowNameSchema } from "@/lib/flows/store/flow-input";

type Params = { orgSlug: string; flowId: string };

export const POST = withOrg<Params>("flows.manage", async ({ req, params, ctx }) => {
  const { name } = await readJson(req, z.object({ name: flowNameSchema.optional() }));
  return Response.json({ flow: await duplicateFlow(ctx, parseId(params.flowId, "Flow"), name) }, { status: 201 });
});
