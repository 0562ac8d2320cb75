import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { inngestFunctions, inngestRuns, inngestSteps } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { runSummaryColumns, toRunSummary } from "./run-summary-columns";
import type { RunDetail, RunStep } from "./run-view";

/** One of the organization's runs with its triggering event, its steps in the order they were stored, and its parent. */
export async function getRunOrThrow(organizationId: string, runId: string): Promise<RunDetail> {
  const db = getDb();
  const [row] = await db
    .select({
      ...runSummaryColumns,
      event: inngestRuns.event,
      output: inngestRuns.output,
      error: inngestRuns.error,
      parentRunId: inngestRuns.parentRunId,
    })
    .from(inngestRuns)
    .leftJoin(inngestFunctions, eq(inngestFunctions.id, inngestRuns.functionId))
    .where(and(eq(inngestRuns.organizationId, organizationId), eq(inngestRuns.id, runId)))
    .limit(1);
  if (!row) throw notFound("Run");

  const [steps, parent] = await Promise.all([
    db.select().from(inngestSteps).where(eq(inngestSteps.runId, runId)).orderBy(asc(inngestSteps.seq)),
    row.parentRunId
      ? db
          .select({ id: inngestRuns.id, functionId: inngestRuns.functionId })
          .from(inngestRuns)
          .where(and(eq(inngestRuns.organizationId, organizationId), eq(inngestRuns.id, row.parentRunId)))
          .limit(1)
      : Promise.resolve([]),
  ]);
  const event = row.event as { id?: unknown; name?: unknown; data?: unknown; ts?: unknown };
  return {
    ...toRunSummary(row),
    event: {
      id: String(event.id ?? ""),
      name: String(event.name ?? ""),
      data: event.data ?? {},
      ts: typeof event.ts === "number" ? event.ts : null,
    },
    output: row.output ?? null,
    error: row.error ?? null,
    parent: parent[0] ?? null,
    steps: steps.map(
      (s): RunStep => ({
        id: s.stepId,
        name: s.name,
        status: s.result.type === "error" ? "error" : "ok",
        output: s.result.type === "data" ? (s.result.data ?? null) : null,
        error: s.result.type === "error" ? (s.result.error ?? null) : null,
        startedAt: s.startedAt?.toISOString() ?? null,
        durationMs: s.durationMs,
        storedAt: s.createdAt.toISOString(),
      }),
    ),
  };
}
