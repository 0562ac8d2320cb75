CREATE TYPE "public"."channel_connection_state" AS ENUM('open', 'connecting', 'close');--> statement-breakpoint
CREATE TYPE "public"."contact_custom_field_type" AS ENUM('text', 'number', 'date', 'boolean', 'choice');--> statement-breakpoint
CREATE TYPE "public"."contact_consent_source" AS ENUM('keyword', 'meta_preference', 'import', 'agent', 'api');--> statement-breakpoint
CREATE TYPE "public"."contact_import_status" AS ENUM('pending', 'running', 'completed', 'failed');--> statement-breakpoint
ALTER TYPE "public"."channel_provider" ADD VALUE 'evolution';--> statement-breakpoint
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
CREATE TABLE "market_calling_codes" (
	"calling_code" text NOT NULL,
	"iso2" text NOT NULL,
	"country_name" text NOT NULL,
	"market" text NOT NULL,
	CONSTRAINT "market_calling_codes_calling_code_iso2_pk" PRIMARY KEY("calling_code","iso2")
);
--> statement-breakpoint
CREATE TABLE "message_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"conversation_id" uuid,
	"wa_message_id" text,
	"sender_kind" text NOT NULL,
	"sender_user_id" uuid,
	"state" text NOT NULL,
	"charge_kind" text NOT NULL,
	"pricing_source" text NOT NULL,
	"pricing" jsonb,
	"pricing_status" text,
	"pricing_type" text,
	"pricing_model" text,
	"billable" boolean,
	"category" text NOT NULL,
	"market" text,
	"country" text,
	"currency" text NOT NULL,
	"amount_micros" bigint DEFAULT 0 NOT NULL,
	"list_micros" bigint DEFAULT 0 NOT NULL,
	"priced_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_card_prices" (
	"rate_card_id" uuid NOT NULL,
	"market" text NOT NULL,
	"category" text NOT NULL,
	"price_micros" bigint NOT NULL,
	CONSTRAINT "rate_card_prices_rate_card_id_market_category_pk" PRIMARY KEY("rate_card_id","market","category")
);
--> statement-breakpoint
CREATE TABLE "rate_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"currency" text NOT NULL,
	"effective_from" date NOT NULL,
	"source" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rate_cards_org_currency_effective_source_key" UNIQUE NULLS NOT DISTINCT("organization_id","currency","effective_from","source")
);
--> statement-breakpoint
CREATE TABLE "spend_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"month" text NOT NULL,
	"threshold" integer NOT NULL,
	"spent_micros" bigint NOT NULL,
	"budget_micros" bigint NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spend_daily" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel_id" uuid NOT NULL,
	"category" text NOT NULL,
	"market" text NOT NULL,
	"country" text NOT NULL,
	"sender_kind" text NOT NULL,
	"charge_kind" text NOT NULL,
	"currency" text NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"amount_micros" bigint DEFAULT 0 NOT NULL,
	"list_micros" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "spend_daily_pk" PRIMARY KEY("organization_id","day","channel_id","category","market","country","sender_kind","charge_kind","currency")
);
--> statement-breakpoint
CREATE TABLE "spend_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"monthly_budget_micros" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_batch_items" (
	"batch_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"organization_id" uuid NOT NULL,
	"request" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"message_id" uuid,
	"error" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_batch_items_batch_id_index_pk" PRIMARY KEY("batch_id","index")
);
--> statement-breakpoint
CREATE TABLE "notification_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"total" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_gateways" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"method" text DEFAULT 'POST' NOT NULL,
	"url_template" text NOT NULL,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body_template" text,
	"secret_encrypted" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integration_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"base_url" text NOT NULL,
	"headers_encrypted" text,
	"header_names" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "channel_routing" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"proactive_channel_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" uuid NOT NULL,
	"waba_id" text NOT NULL,
	"meta_template_id" text NOT NULL,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"category" text NOT NULL,
	"parameter_format" text,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"rejected_reason" text,
	"components" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "default_country" text DEFAULT 'BR' NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "evolution_base_url" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "evolution_instance" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "connection_state" "channel_connection_state";--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "connection_state_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "qr_code" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "qr_code_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "allow_groups" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "lifecycle_stage_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "erased_identity_hash" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "delivery_path" text;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "requested_category" text;--> statement-breakpoint
ALTER TABLE "lifecycle_stages" ADD CONSTRAINT "lifecycle_stages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_custom_fields" ADD CONSTRAINT "contact_custom_fields_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_events" ADD CONSTRAINT "contact_consent_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_events" ADD CONSTRAINT "contact_consent_events_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_events" ADD CONSTRAINT "contact_consent_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_events" ADD CONSTRAINT "contact_consent_events_actor_api_key_id_api_keys_id_fk" FOREIGN KEY ("actor_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_settings" ADD CONSTRAINT "contact_consent_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_costs" ADD CONSTRAINT "message_costs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_costs" ADD CONSTRAINT "message_costs_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_costs" ADD CONSTRAINT "message_costs_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_costs" ADD CONSTRAINT "message_costs_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_costs" ADD CONSTRAINT "message_costs_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_card_prices" ADD CONSTRAINT "rate_card_prices_rate_card_id_rate_cards_id_fk" FOREIGN KEY ("rate_card_id") REFERENCES "public"."rate_cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_cards" ADD CONSTRAINT "rate_cards_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_cards" ADD CONSTRAINT "rate_cards_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_alerts" ADD CONSTRAINT "spend_alerts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_daily" ADD CONSTRAINT "spend_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_settings" ADD CONSTRAINT "spend_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_batch_items" ADD CONSTRAINT "notification_batch_items_batch_id_notification_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."notification_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_batch_items" ADD CONSTRAINT "notification_batch_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_batch_items" ADD CONSTRAINT "notification_batch_items_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_batches" ADD CONSTRAINT "notification_batches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_requests" ADD CONSTRAINT "notification_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_gateways" ADD CONSTRAINT "sms_gateways_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_connections" ADD CONSTRAINT "integration_connections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_import_errors" ADD CONSTRAINT "contact_import_errors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_import_errors" ADD CONSTRAINT "contact_import_errors_import_id_contact_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."contact_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD CONSTRAINT "channel_routing_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_routing" ADD CONSTRAINT "channel_routing_proactive_channel_id_channels_id_fk" FOREIGN KEY ("proactive_channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_templates" ADD CONSTRAINT "sandbox_templates_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lifecycle_stages_org_key_key" ON "lifecycle_stages" USING btree ("organization_id","key") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "lifecycle_stages_org_idx" ON "lifecycle_stages" USING btree ("organization_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_custom_fields_org_key_key" ON "contact_custom_fields" USING btree ("organization_id","key") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "contact_consent_events_contact_idx" ON "contact_consent_events" USING btree ("organization_id","contact_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_consent_events_dedup_key" ON "contact_consent_events" USING btree ("organization_id","dedup_key") WHERE dedup_key is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "message_costs_message_key" ON "message_costs" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_costs_channel_wamid_key" ON "message_costs" USING btree ("channel_id","wa_message_id") WHERE wa_message_id is not null;--> statement-breakpoint
CREATE INDEX "message_costs_org_priced_idx" ON "message_costs" USING btree ("organization_id","priced_at");--> statement-breakpoint
CREATE INDEX "rate_card_prices_market_idx" ON "rate_card_prices" USING btree ("market","category");--> statement-breakpoint
CREATE UNIQUE INDEX "spend_alerts_org_month_threshold_key" ON "spend_alerts" USING btree ("organization_id","month","threshold");--> statement-breakpoint
CREATE INDEX "notification_batch_items_org_idx" ON "notification_batch_items" USING btree ("organization_id","batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_requests_org_key" ON "notification_requests" USING btree ("organization_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_connections_org_name_key" ON "integration_connections" USING btree ("organization_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_org_name_key" ON "segments" USING btree ("organization_id","name") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "segments_org_idx" ON "segments" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_import_errors_import_row_key" ON "contact_import_errors" USING btree ("import_id","row_number");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_imports_org_key_key" ON "contact_imports" USING btree ("organization_id","key");--> statement-breakpoint
CREATE INDEX "contact_imports_org_idx" ON "contact_imports" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_templates_meta_template_id_key" ON "sandbox_templates" USING btree ("meta_template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_templates_waba_name_language_key" ON "sandbox_templates" USING btree ("waba_id","name","language");--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_lifecycle_stage_id_lifecycle_stages_id_fk" FOREIGN KEY ("lifecycle_stage_id") REFERENCES "public"."lifecycle_stages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channels_evolution_instance_key" ON "channels" USING btree ("evolution_base_url","evolution_instance") WHERE deleted_at is null and evolution_instance is not null;--> statement-breakpoint
CREATE INDEX "contacts_org_stage_idx" ON "contacts" USING btree ("organization_id","lifecycle_stage_id");--> statement-breakpoint
CREATE INDEX "contacts_org_erased_hash_idx" ON "contacts" USING btree ("organization_id","erased_identity_hash") WHERE erased_identity_hash is not null;--> statement-breakpoint
-- hand-written: seed the default lifecycle stages (lead, customer, inactive) for organizations that exist already; new organizations get them from lib/organizations/create-organization.ts
INSERT INTO "lifecycle_stages" ("organization_id", "key", "name", "position", "color")
SELECT o."id", s."key", s."name", s."position", s."color"
FROM "organizations" o
CROSS JOIN (VALUES ('lead', 'Lead', 0, 'blue'), ('customer', 'Customer', 1, 'green'), ('inactive', 'Inactive', 2, 'gray')) AS s("key", "name", "position", "color")
ON CONFLICT DO NOTHING;
--> statement-breakpoint
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
