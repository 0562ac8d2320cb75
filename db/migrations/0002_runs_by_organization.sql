ALTER TABLE "inngest_events" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "inngest_runs" ADD COLUMN "event_id" text;--> statement-breakpoint
ALTER TABLE "inngest_runs" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "inngest_steps" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "inngest_steps" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inngest_steps" ADD COLUMN "duration_ms" integer;--> statement-breakpoint
CREATE INDEX "inngest_events_organization_received_idx" ON "inngest_events" USING btree ("organization_id","received_at");--> statement-breakpoint
CREATE INDEX "inngest_runs_organization_seq_idx" ON "inngest_runs" USING btree ("organization_id","seq");--> statement-breakpoint
CREATE INDEX "inngest_runs_event_idx" ON "inngest_runs" USING btree ("event_id");