ALTER TYPE "public"."webhook_event_status" ADD VALUE 'partial';--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "raw_status" text;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "items" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "reapply_count" integer DEFAULT 0 NOT NULL;