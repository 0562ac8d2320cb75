CREATE TABLE "send_rate_limits" (
	"channel_id" uuid PRIMARY KEY NOT NULL,
	"tat" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "send_doubt_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inngest_queue" ADD COLUMN "checkpoint" jsonb;--> statement-breakpoint
ALTER TABLE "send_rate_limits" ADD CONSTRAINT "send_rate_limits_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;