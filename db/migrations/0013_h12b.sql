CREATE TYPE "public"."contact_import_status" AS ENUM('pending', 'running', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contact_import_errors" (
	"organization_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"reason" text NOT NULL,
	"row" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"created_by" uuid,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"key" text,
	"content" "bytea" NOT NULL,
	"encoding" text NOT NULL,
	"delimiter" text NOT NULL,
	"options" jsonb,
	"status" "contact_import_status" DEFAULT 'pending' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"failure_reason" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "default_country" text DEFAULT 'BR' NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_import_errors" ADD CONSTRAINT "contact_import_errors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_import_errors" ADD CONSTRAINT "contact_import_errors_import_id_contact_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."contact_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "segments_org_name_key" ON "segments" USING btree ("organization_id","name") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "segments_org_idx" ON "segments" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_import_errors_import_row_key" ON "contact_import_errors" USING btree ("import_id","row_number");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_imports_org_key_key" ON "contact_imports" USING btree ("organization_id","key");--> statement-breakpoint
CREATE INDEX "contact_imports_org_idx" ON "contact_imports" USING btree ("organization_id","created_at");--> statement-breakpoint
-- hand-written: pg_trgm for the contact search (PGlite loads it in its constructor: db/pglite-extensions.ts)
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- hand-written: the text the contact search matches (lib/contacts/contact-filter-sql.ts calls it with the same columns); IMMUTABLE so it can be indexed
CREATE OR REPLACE FUNCTION papo_contact_search_text(name text, profile_name text, phone text, bsuid text, email text, attributes jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(concat_ws(' ', name, profile_name, phone, bsuid, email,
    (SELECT string_agg(v.value, ' ') FROM jsonb_each_text(CASE WHEN jsonb_typeof(attributes) = 'object' THEN attributes ELSE '{}'::jsonb END) AS v)))
$$;--> statement-breakpoint
-- hand-written: trigram index over that text, so ILIKE '%…%' searches do not read the organization's table
CREATE INDEX "contacts_search_trgm_idx" ON "contacts" USING gin (papo_contact_search_text("name", "profile_name", "phone_e164", "bsuid", "email", "attributes") gin_trgm_ops) WHERE deleted_at IS NULL;--> statement-breakpoint
-- hand-written: the contact list's keyset sorts (lib/contacts/list-contacts.ts), each per organization
CREATE INDEX "contacts_org_created_idx" ON "contacts" USING btree ("organization_id", "created_at", "id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "contacts_org_name_idx" ON "contacts" USING btree ("organization_id", lower(coalesce("name", "profile_name", "phone_e164", '')), "id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "contacts_org_last_inbound_idx" ON "contacts" USING btree ("organization_id", coalesce("last_inbound_at", 'epoch'::timestamptz), "id") WHERE deleted_at IS NULL;
