CREATE TYPE "public"."channel_connection_state" AS ENUM('open', 'connecting', 'close');--> statement-breakpoint
ALTER TYPE "public"."channel_provider" ADD VALUE 'evolution';--> statement-breakpoint
CREATE TABLE "channel_routing" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"proactive_channel_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "evolution_base_url" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "evolution_instance" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "connection_state" "channel_connection_state";--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "connection_state_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "qr_code" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "qr_code_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "allow_groups" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD CONSTRAINT "channel_routing_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD CONSTRAINT "channel_routing_proactive_channel_id_channels_id_fk" FOREIGN KEY ("proactive_channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channels_evolution_instance_key" ON "channels" USING btree ("evolution_base_url","evolution_instance") WHERE deleted_at is null and evolution_instance is not null;