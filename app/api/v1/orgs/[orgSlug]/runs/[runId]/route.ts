import { withOrg } from "@/lib/api/route";
import { getRunOrThrow } from "@/lib/runs/get-run-or-throw";
import { parseRunId } from "@/lib/runs/parse-run-id";

export const GET = withOrg<{ orgSlug: string; runId: string }>("runs.read", async ({ params, ctx }) => ({
  run: await getRunOrThrow(ctx.org.id, parseRunId(params.runId)),
}));
