ALTER TABLE "templates" ADD COLUMN "category_change" jsonb;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "category_event_time" bigint;