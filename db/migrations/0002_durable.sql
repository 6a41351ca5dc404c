CREATE TABLE "durable_event" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"user" jsonb,
	"ts" bigint NOT NULL,
	"organisation_id" text,
	"received_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "durable_function" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "durable_job" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp (3) DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_until" timestamp (3)
);
--> statement-breakpoint
CREATE TABLE "durable_run" (
	"id" text PRIMARY KEY NOT NULL,
	"function_id" text NOT NULL,
	"organisation_id" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"event_id" text NOT NULL,
	"event" jsonb NOT NULL,
	"output" jsonb,
	"error" jsonb,
	"concurrency" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"disable_immediate_execution" boolean DEFAULT false NOT NULL,
	"parent_run_id" text,
	"parent_step_id" text,
	"created_at" timestamp (3) DEFAULT now() NOT NULL,
	"started_at" timestamp (3),
	"ended_at" timestamp (3)
);
--> statement-breakpoint
CREATE TABLE "durable_step" (
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"name" text NOT NULL,
	"op" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"output" jsonb,
	"error" jsonb,
	"position" integer,
	"wait_event" text,
	"wait_if" text,
	"wake_at" timestamp (3),
	"invoked_run_id" text,
	"started_at" timestamp (3) DEFAULT now() NOT NULL,
	"ended_at" timestamp (3),
	CONSTRAINT "durable_step_run_id_step_id_pk" PRIMARY KEY("run_id","step_id")
);
--> statement-breakpoint
ALTER TABLE "durable_job" ADD CONSTRAINT "durable_job_run_id_durable_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."durable_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "durable_step" ADD CONSTRAINT "durable_step_run_id_durable_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."durable_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "durable_event_name_idx" ON "durable_event" USING btree ("name","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "durable_job_run_kind_target_idx" ON "durable_job" USING btree ("run_id","kind","target");--> statement-breakpoint
CREATE INDEX "durable_job_available_idx" ON "durable_job" USING btree ("available_at");--> statement-breakpoint
CREATE INDEX "durable_run_organisation_created_idx" ON "durable_run" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "durable_run_function_status_idx" ON "durable_run" USING btree ("function_id","status");--> statement-breakpoint
CREATE INDEX "durable_step_waiting_idx" ON "durable_step" USING btree ("wait_event") WHERE "durable_step"."status" = 'waiting';