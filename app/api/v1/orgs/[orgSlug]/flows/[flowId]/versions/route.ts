import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { listVersions } from "@/lib/flows/store/list-versions";

type Params = { orgSlug: string; flowId: string };

export const GET = withOrg<Params>("flows.read", async ({ params, ctx }) => ({ versions: await listVersions(ctx.org.id, parseId(params.flowId, "Flow")) }));
