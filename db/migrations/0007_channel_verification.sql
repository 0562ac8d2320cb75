DROP INDEX "channels_phone_number_id_key";--> statement-breakpoint
ALTER TABLE "channels" ALTER COLUMN "verify_token" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verify_token_encrypted" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verified_display_phone_number" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verified_name" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_error" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_checked_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "channels_verified_phone_number_id_key" ON "channels" USING btree ("phone_number_id") WHERE deleted_at is null and verified_at is not null;--> statement-breakpoint
CREATE INDEX "channels_phone_number_id_idx" ON "channels" USING btree ("phone_number_id");--> statement-breakpoint
-- hand-written: sandbox numbers are Papo's own (their Graph API is Papo), so they are verified by construction.
UPDATE "channels" SET "verified_at" = "created_at", "verified_display_phone_number" = "display_phone_number", "verified_name" = "name", "verification_checked_at" = now() WHERE "provider" = 'sandbox';
