import { cancelJobRun } from "@/lib/jobs";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { conflict } from "@/lib/errors";
import { assertEmbeddedRuns } from "./assert-embedded-runs";
import { getRunOrThrow } from "./get-run-or-throw";

/** Cancels one of the organization's running runs (404 for another organization's, 409 once it has finished). */
export async function cancelRunForOrg(ctx: OrgContext, runId: string): Promise<void> {
  assertEmbeddedRuns();
  const run = await getRunOrThrow(ctx.org.id, runId);
  const cancelled = await cancelJobRun(run.id, {
    alsoInTx: (tx) =>
      recordAudit(tx, ctx, { action: "run.cancelled", targetType: "run", targetId: run.id, metadata: { functionId: run.functionId } }),
  });
  if (!cancelled) throw conflict("This run has already finished, so it cannot be cancelled");
}
