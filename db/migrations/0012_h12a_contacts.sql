CREATE TYPE "public"."contact_custom_field_type" AS ENUM('text', 'number', 'date', 'boolean', 'choice');--> statement-breakpoint
CREATE TYPE "public"."contact_consent_source" AS ENUM('keyword', 'meta_preference', 'import', 'agent', 'api');--> statement-breakpoint
CREATE TABLE "lifecycle_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"color" text DEFAULT 'gray' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contact_custom_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" "contact_custom_field_type" NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contact_consent_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"purpose" text DEFAULT 'marketing' NOT NULL,
	"state" "contact_opt_in" NOT NULL,
	"source" "contact_consent_source" NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"dedup_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_consent_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"opt_out_keywords" jsonb,
	"opt_in_keywords" jsonb,
	"opt_out_confirmation" text,
	"opt_in_confirmation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "lifecycle_stage_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "erased_identity_hash" text;--> statement-breakpoint
ALTER TABLE "lifecycle_stages" ADD CONSTRAINT "lifecycle_stages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_custom_fields" ADD CONSTRAINT "contact_custom_fields_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_events" ADD CONSTRAINT "contact_consent_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_events" ADD CONSTRAINT "contact_consent_events_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_events" ADD CONSTRAINT "contact_consent_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_events" ADD CONSTRAINT "contact_consent_events_actor_api_key_id_api_keys_id_fk" FOREIGN KEY ("actor_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_settings" ADD CONSTRAINT "contact_consent_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lifecycle_stages_org_key_key" ON "lifecycle_stages" USING btree ("organization_id","key") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "lifecycle_stages_org_idx" ON "lifecycle_stages" USING btree ("organization_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_custom_fields_org_key_key" ON "contact_custom_fields" USING btree ("organization_id","key") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "contact_consent_events_contact_idx" ON "contact_consent_events" USING btree ("organization_id","contact_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_consent_events_dedup_key" ON "contact_consent_events" USING btree ("organization_id","dedup_key") WHERE dedup_key is not null;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_lifecycle_stage_id_lifecycle_stages_id_fk" FOREIGN KEY ("lifecycle_stage_id") REFERENCES "public"."lifecycle_stages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_org_stage_idx" ON "contacts" USING btree ("organization_id","lifecycle_stage_id");--> statement-breakpoint
CREATE INDEX "contacts_org_erased_hash_idx" ON "contacts" USING btree ("organization_id","erased_identity_hash") WHERE erased_identity_hash is not null;--> statement-breakpoint
-- hand-written: seed the default lifecycle stages (lead, customer, inactive) for organizations that exist already; new organizations get them from lib/organizations/create-organization.ts
INSERT INTO "lifecycle_stages" ("organization_id", "key", "name", "position", "color")
SELECT o."id", s."key", s."name", s."position", s."color"
FROM "organizations" o
CROSS JOIN (VALUES ('lead', 'Lead', 0, 'blue'), ('customer', 'Customer', 1, 'green'), ('inactive', 'Inactive', 2, 'gray')) AS s("key", "name", "position", "color")
ON CONFLICT DO NOTHING;
