import { JobReplayError, replayJobRun } from "@/lib/jobs";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { conflict } from "@/lib/errors";
import { assertEmbeddedRuns } from "./assert-embedded-runs";
import { getRunOrThrow } from "./get-run-or-throw";

/** Starts a new run of the same function with the same event (404 for another organization's run). */
export async function replayRunForOrg(ctx: OrgContext, runId: string): Promise<{ id: string }> {
  assertEmbeddedRuns();
  const run = await getRunOrThrow(ctx.org.id, runId);
  try {
    const id = await replayJobRun(run.id, {
      alsoInTx: (tx, newRunId) =>
        recordAudit(tx, ctx, {
          action: "run.replayed",
          targetType: "run",
          targetId: newRunId,
          metadata: { functionId: run.functionId, replayOf: run.id },
        }),
    });
    return { id };
  } catch (err) {
    if (err instanceof JobReplayError) throw conflict(err.message);
    throw err;
  }
}
