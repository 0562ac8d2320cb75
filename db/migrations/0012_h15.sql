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
CREATE UNIQUE INDEX "message_costs_message_key" ON "message_costs" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_costs_channel_wamid_key" ON "message_costs" USING btree ("channel_id","wa_message_id") WHERE wa_message_id is not null;--> statement-breakpoint
CREATE INDEX "message_costs_org_priced_idx" ON "message_costs" USING btree ("organization_id","priced_at");--> statement-breakpoint
CREATE INDEX "rate_card_prices_market_idx" ON "rate_card_prices" USING btree ("market","category");--> statement-breakpoint
CREATE UNIQUE INDEX "spend_alerts_org_month_threshold_key" ON "spend_alerts" USING btree ("organization_id","month","threshold");