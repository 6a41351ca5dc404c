import { pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "@/db/schema/auth";
import { createdAt, uuidPrimaryKey } from "@/db/schema/columns";
import { organisations } from "@/db/schema/organisations";

/** Credentials an organisation stored for a connector (e.g. Salesforce), encrypted with the secrets key (AES-256-GCM). */
export const connectorCredentials = pgTable(
  "connector_credential",
  {
    id: uuidPrimaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    connector: text("connector", { enum: ["salesforce"] }).notNull(),
    /** The credentials as JSON, sealed by server/secrets (the organisation is bound as associated data). */
    encryptedCredentials: text("encrypted_credentials").notNull(),
    /** What the settings page may show without decrypting: e.g. the instance or login URL and the username. */
    label: text("label").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { mode: "date" }).notNull().defaultNow(),
  },
  (credential) => [uniqueIndex("connector_credential_organisation_connector_idx").on(credential.organisationId, credential.connector)],
);
