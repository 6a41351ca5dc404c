CREATE TABLE "llm_budget_alert" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"scope" text NOT NULL,
	"subject_id" text NOT NULL,
	"month" text NOT NULL,
	"level" text NOT NULL,
	"spent_usd" numeric(14, 8) NOT NULL,
	"limit_usd" numeric(14, 8) NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "llm_call" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"user_id" text,
	"conversation_id" text,
	"run_id" text,
	"step_id" text,
	"source" text NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"complexity" text NOT NULL,
	"route_reason" text NOT NULL,
	"input_tokens" integer DEFAULT 0 NOT NULL,
	"output_tokens" integer DEFAULT 0 NOT NULL,
	"cache_read_tokens" integer DEFAULT 0 NOT NULL,
	"cache_write_tokens" integer DEFAULT 0 NOT NULL,
	"cost_usd" numeric(14, 8) DEFAULT 0 NOT NULL,
	"baseline_cost_usd" numeric(14, 8) DEFAULT 0 NOT NULL,
	"price_version" text NOT NULL,
	"latency_ms" integer NOT NULL,
	"time_to_first_token_ms" integer,
	"status" text NOT NULL,
	"error_code" text,
	"stop_reason" text,
	"fallback_chain" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "llm_endpoint" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"base_url" text,
	"encrypted_api_key" text,
	"models" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "llm_policy" (
	"organisation_id" text PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "llm_budget_alert" ADD CONSTRAINT "llm_budget_alert_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "llm_call" ADD CONSTRAINT "llm_call_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "llm_endpoint" ADD CONSTRAINT "llm_endpoint_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "llm_policy" ADD CONSTRAINT "llm_policy_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "llm_budget_alert_once_idx" ON "llm_budget_alert" USING btree ("organisation_id","scope","subject_id","month","level");--> statement-breakpoint
CREATE INDEX "llm_call_organisation_created_idx" ON "llm_call" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "llm_call_organisation_user_created_idx" ON "llm_call" USING btree ("organisation_id","user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "llm_endpoint_organisation_name_idx" ON "llm_endpoint" USING btree ("organisation_id","name");