-- hand-written: queue items no longer take their run's organization from a trigger: every insert path of the
-- executor (createRun, createRuns, enqueueCall, enqueueResolve, ensureCall — inngest/executor/runs.ts) writes
-- organization_id itself, from the run it has in hand. Drops the trigger and function of migration 0009.
DROP TRIGGER IF EXISTS inngest_queue_set_organization ON inngest_queue;--> statement-breakpoint
-- hand-written: the trigger's function, unused once the trigger is gone.
DROP FUNCTION IF EXISTS inngest_queue_set_organization();
