CREATE TABLE "connector_credential" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"connector" text NOT NULL,
	"encrypted_credentials" text NOT NULL,
	"label" text NOT NULL,
	"created_by" text,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connector_credential" ADD CONSTRAINT "connector_credential_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connector_credential" ADD CONSTRAINT "connector_credential_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connector_credential_organisation_connector_idx" ON "connector_credential" USING btree ("organisation_id","connector");