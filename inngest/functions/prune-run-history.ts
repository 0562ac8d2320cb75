import { env } from "@/lib/env";
import { pruneRunHistory } from "../executor/prune-run-history";
import { inngest } from "../client";

/**
 * Hourly: the embedded executor's finished runs, their steps and events older than PAPO_RUN_RETENTION_DAYS are
 * deleted, in small batches that never block the queue (inngest/executor/prune-run-history.ts). Concurrency 1
 * is the lock: a run that overlaps the next tick (a large backlog) never works beside another one. "Now" is the
 * tick's time, from the executor's clock, the clock the runs' end times come from. With Inngest Cloud or a
 * self-hosted server the tables stay empty and each run deletes nothing.
 */
export const pruneRunHistoryFn = inngest.createFunction(
  { id: "prune-run-history", concurrency: { limit: 1 }, triggers: [{ cron: "41 * * * *" }] },
  async ({ event, step }) =>
    step.run("prune", () => pruneRunHistory({ retentionDays: env().PAPO_RUN_RETENTION_DAYS, now: event.ts ?? Date.now() })),
);
