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
ALTER TABLE "templates" ADD COLUMN "requested_category" text;--> statement-breakpoint
ALTER TABLE "sandbox_templates" ADD CONSTRAINT "sandbox_templates_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_templates_meta_template_id_key" ON "sandbox_templates" USING btree ("meta_template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_templates_waba_name_language_key" ON "sandbox_templates" USING btree ("waba_id","name","language");