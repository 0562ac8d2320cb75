import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { GraphInvalidError } from "@/lib/flows/store/graph-invalid-error";
import { publishFlow } from "@/lib/flows/store/publish-flow";

type Params = { orgSlug: string; flowId: string };

/** 201 with the new version; 422 with `error.graphIssues` (node/edge, code, message) when the draft is invalid. */
export const POST = withOrg<Params>("flows.manage", async ({ params, ctx }) => {
  try {
    return Response.json({ published: await publishFlow(ctx, parseId(params.flowId, "Flow")) }, { status: 201 });
  } catch (err) {
    if (err instanceof GraphInvalidError) return err.toResponse();
    throw err;
  }
});
