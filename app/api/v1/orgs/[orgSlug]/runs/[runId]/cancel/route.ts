import { withOrg } from "@/lib/api/route";
import { cancelRunForOrg } from "@/lib/runs/cancel-run-for-org";
import { parseRunId } from "@/lib/runs/parse-run-id";

export const POST = withOrg<{ orgSlug: string; runId: string }>("runs.manage", async ({ params, ctx }) => {
  const runId = parseRunId(params.runId);
  await cancelRunForOrg(ctx, runId);
  return { run: { id: runId, status: "cancelled" } };
});
