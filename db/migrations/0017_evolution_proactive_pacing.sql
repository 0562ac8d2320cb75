ALTER TABLE "channels" ADD COLUMN "proactive_gap_min_seconds" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "proactive_gap_max_seconds" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "proactive_next_at" timestamp with time zone;