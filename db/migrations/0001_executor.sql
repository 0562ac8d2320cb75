CREATE TABLE "inngest_cron_ticks" (
	"function_id" text NOT NULL,
	"tick" bigint NOT NULL,
	CONSTRAINT "inngest_cron_ticks_function_id_tick_pk" PRIMARY KEY("function_id","tick")
);
--> statement-breakpoint
CREATE TABLE "inngest_events" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"user" jsonb,
	"ts" bigint NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inngest_functions" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"url" text NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inngest_idempotency" (
	"function_id" text NOT NULL,
	"key" text NOT NULL,
	"run_id" text NOT NULL,
	"expires_at" bigint NOT NULL,
	CONSTRAINT "inngest_idempotency_function_id_key_pk" PRIMARY KEY("function_id","key")
);
--> statement-breakpoint
CREATE TABLE "inngest_queue" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inngest_queue_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" text NOT NULL,
	"kind" text NOT NULL,
	"step_id" text,
	"result" jsonb,
	"dedupe_key" text,
	"priority" bigint NOT NULL,
	"run_at" bigint NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"concurrency_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"concurrency_limits" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"throttle" jsonb,
	"leased_by" text,
	"leased_until" bigint
);
--> statement-breakpoint
CREATE TABLE "inngest_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "inngest_runs_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"function_id" text NOT NULL,
	"event" jsonb NOT NULL,
	"status" text NOT NULL,
	"output" jsonb,
	"error" jsonb,
	"concurrency" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"throttle_key" text,
	"started_at" bigint,
	"parent_run_id" text,
	"parent_step_id" text,
	"created_at" bigint NOT NULL,
	"ended_at" bigint
);
--> statement-breakpoint
CREATE TABLE "inngest_steps" (
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "inngest_steps_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inngest_steps_run_id_step_id_pk" PRIMARY KEY("run_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "inngest_waits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inngest_waits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"kind" text NOT NULL,
	"event_name" text NOT NULL,
	"expression" text,
	"expires_at" bigint
);
--> statement-breakpoint
CREATE INDEX "inngest_events_name_ts_idx" ON "inngest_events" USING btree ("name","ts");--> statement-breakpoint
CREATE INDEX "inngest_queue_order_idx" ON "inngest_queue" USING btree ("priority","id");--> statement-breakpoint
CREATE INDEX "inngest_queue_run_idx" ON "inngest_queue" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inngest_queue_dedupe_idx" ON "inngest_queue" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "inngest_queue_leased_idx" ON "inngest_queue" USING btree ("leased_until") WHERE leased_until is not null;--> statement-breakpoint
CREATE INDEX "inngest_runs_function_status_idx" ON "inngest_runs" USING btree ("function_id","status");--> statement-breakpoint
CREATE INDEX "inngest_runs_throttle_idx" ON "inngest_runs" USING btree ("throttle_key","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inngest_waits_run_step_idx" ON "inngest_waits" USING btree ("run_id","step_id");--> statement-breakpoint
CREATE INDEX "inngest_waits_event_idx" ON "inngest_waits" USING btree ("event_name");