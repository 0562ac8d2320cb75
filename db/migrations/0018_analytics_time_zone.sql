CREATE TABLE "agent_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "time_zone" text DEFAULT 'America/Sao_Paulo' NOT NULL;--> statement-breakpoint
ALTER TABLE "agent_availability" ADD CONSTRAINT "agent_availability_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_availability" ADD CONSTRAINT "agent_availability_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_availability_org_user_idx" ON "agent_availability" USING btree ("organization_id","user_id","last_seen_at");--> statement-breakpoint
-- hand-written: spend_daily is now keyed by the organization's local day (lib/spend/README.md); rebuild it from message_costs in each organization's zone (the same statement as lib/spend/rebuild-spend-rollup.ts).
DELETE FROM "spend_daily";--> statement-breakpoint
INSERT INTO "spend_daily" ("organization_id", "day", "channel_id", "category", "market", "country", "sender_kind", "charge_kind", "currency", "messages", "amount_micros", "list_micros")
SELECT c."organization_id", (c."priced_at" AT TIME ZONE o."time_zone")::date, c."channel_id", c."category", coalesce(c."market", 'Other'), coalesce(c."country", ''), c."sender_kind", c."charge_kind", c."currency", count(*)::int, sum(c."amount_micros"), sum(c."list_micros")
FROM "message_costs" c JOIN "organizations" o ON o."id" = c."organization_id"
WHERE c."charge_kind" <> 'failed'
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
