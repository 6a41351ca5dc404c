import { index, pgEnum, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { users } from "@/db/schema/auth";
import { createdAt, uuidPrimaryKey } from "@/db/schema/columns";

export const organisations = pgTable("organisation", {
  id: uuidPrimaryKey(),
  name: text("name").notNull(),
  createdAt: createdAt(),
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
    createdAt: createdAt(),
  },
  (membership) => [
    primaryKey({ columns: [membership.userId, membership.organisationId] }),
    index("membership_organisation_idx").on(membership.organisationId),
  ],
);
