import { parseId } from "@/lib/api/parse-id";
import { readJson, withOrg } from "@/lib/api/route";
import { flowDuplicateInput } from "@/lib/api/openapi/flows";
import { duplicateFlow } from "@/lib/flows/store/duplicate-flow";

type Params = { orgSlug: string; flowId: string };

export const POST = withOrg<Params>(
  "flows.manage",
  async ({ req, params, ctx }) => {
    const { name } = await readJson(req, flowDuplicateInput);
    return Response.json({ flow: await duplicateFlow(ctx, parseId(params.flowId, "Flow"), name) }, { status: 201 });
  },
  { idempotent: true },
);
