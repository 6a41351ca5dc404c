import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Security-relevant events: sign-ins, failures, key use, denied access. No foreign keys, so rows outlive users. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: text("organisation_id"),
    userId: text("user_id"),
    action: text("action").notNull(),
    outcome: text("outcome", { enum: ["success", "failure", "denied"] }).notNull(),
    ip: text("ip"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { mode: "date" }).notNull().defaultNow(),
  },
  (entry) => [
    index("audit_log_organisation_created_idx").on(entry.organisationId, entry.createdAt),
    index("audit_log_action_idx").on(entry.action),
  ],
);
