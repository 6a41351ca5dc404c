import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "@/db/schema/auth";
import { organisations } from "@/db/schema/organisations";
import { createdAt, uuidPrimaryKey } from "@/db/schema/columns";

/** Keys for machine clients. Only a SHA-256 hash of the key is stored; `prefix` lets people tell keys apart. */
export const apiKeys = pgTable(
  "api_key",
  {
    id: uuidPrimaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { mode: "date" }),
    revokedAt: timestamp("revoked_at", { mode: "date" }),
  },
  (key) => [index("api_key_organisation_idx").on(key.organisationId)],
);
