import { getDb } from "@/db";
import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { flowNodeFunnel } from "@/lib/analytics/flow-node-funnel";

type Params = { orgSlug: string; flowId: string };

export const GET = withOrg<Params>("analytics.read", async ({ params, ctx }) => flowNodeFunnel(getDb(), ctx.org.id, parseId(params.flowId, "Flow")));
