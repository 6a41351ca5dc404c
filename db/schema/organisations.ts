import { index, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "@/db/schema/auth";

export const organisations = pgTable("organisation", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { mode: "date" }).notNull().defaultNow(),
});

export const membershipRole = pgEnum("membership_role", ["owner", "admin", "member"]);
export type MembershipRole = (typeof membershipRole.enumValues)[number];

export const memberships = pgTable(
  "membership",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull().default("member"),
    createdAt: timestamp("created_at", { mode: "date" }).notNull().defaultNow(),
  },
  (membership) => [
    primaryKey({ columns: [membership.userId, membership.organisationId] }),
    index("membership_organisation_idx").on(membership.organisationId),
  ],
);
