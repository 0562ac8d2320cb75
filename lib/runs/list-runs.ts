import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { inngestFunctions, inngestRuns } from "@/db/schema";
import { runSummaryColumns, toRunSummary } from "./run-summary-columns";
import type { RunsPage, RunStatus } from "./run-view";

export type ListRunsOptions = { functionId?: string; status?: RunStatus; before?: number; limit?: number };

/**
 * An organization's runs, newest first. Keyset-paginated on seq (the run's creation order, unique) rather than
 * created_at, which two runs started by one event share; `next` is the seq to pass as `before`.
 */
export async function listRuns(organizationId: string, options: ListRunsOptions = {}): Promise<RunsPage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = await getDb()
    .select(runSummaryColumns)
    .from(inngestRuns)
    .leftJoin(inngestFunctions, eq(inngestFunctions.id, inngestRuns.functionId))
    .where(
      and(
        eq(inngestRuns.organizationId, organizationId),
        options.functionId ? eq(inngestRuns.functionId, options.functionId) : undefined,
        options.status ? eq(inngestRuns.status, options.status) : undefined,
        options.before !== undefined ? lt(inngestRuns.seq, options.before) : undefined,
      ),
    )
    .orderBy(desc(inngestRuns.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { runs: page.map(toRunSummary), next: rows.length > limit ? String(page[page.length - 1].seq) : null };
}
