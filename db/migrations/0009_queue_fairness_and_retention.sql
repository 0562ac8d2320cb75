DROP INDEX "inngest_queue_order_idx";--> statement-breakpoint
ALTER TABLE "inngest_queue" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
CREATE INDEX "inngest_events_received_idx" ON "inngest_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "inngest_queue_organization_order_idx" ON "inngest_queue" USING btree ("organization_id","priority","id");--> statement-breakpoint
CREATE INDEX "inngest_runs_ended_idx" ON "inngest_runs" USING btree ("ended_at") WHERE ended_at is not null;--> statement-breakpoint
-- hand-written: queue items take their run's organization (the group fair claiming takes turns between), on every
-- path that queues work, without each insert passing it. VOLATILE, so it sees the run inserted by the same
-- statement's CTE (createRun inserts the run and its first call in one statement).
CREATE OR REPLACE FUNCTION inngest_queue_set_organization() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF NEW.organization_id IS NULL THEN
    SELECT organization_id INTO NEW.organization_id FROM inngest_runs WHERE id = NEW.run_id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER inngest_queue_set_organization BEFORE INSERT ON inngest_queue
  FOR EACH ROW EXECUTE FUNCTION inngest_queue_set_organization();--> statement-breakpoint
UPDATE inngest_queue q SET organization_id = r.organization_id FROM inngest_runs r WHERE r.id = q.run_id;
