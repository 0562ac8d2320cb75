import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { getNodeStats } from "@/lib/flows/store/get-node-stats";

type Params = { orgSlug: string; flowId: string };

export const GET = withOrg<Params>("flows.read", async ({ params, ctx }) => ({ stats: await getNodeStats(ctx.org.id, parseId(params.flowId, "Flow")) }));
