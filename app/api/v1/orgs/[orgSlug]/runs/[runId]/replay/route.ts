import { withOrg } from "@/lib/api/route";
import { parseRunId } from "@/lib/runs/parse-run-id";
import { replayRunForOrg } from "@/lib/runs/replay-run-for-org";

export const POST = withOrg<{ orgSlug: string; runId: string }>("runs.manage", async ({ params, ctx }) => {
  const run = await replayRunForOrg(ctx, parseRunId(params.runId));
  return Response.json({ run }, { status: 201 });
});
