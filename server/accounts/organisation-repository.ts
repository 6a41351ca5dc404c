import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { memberships, organisations, users, type MembershipRole } from "@/db/schema";

export async function insertOrganisation(db: Database, name: string) {
  const [row] = await db.insert(organisations).values({ name }).returning();
  if (!row) throw new Error("insert into organisation returned no row");
  return row;
}

export async function insertMembership(db: Database, userId: string, organisationId: string, role: MembershipRole) {
  await db.insert(memberships).values({ userId, organisationId, role });
}

/** The organisation a user works in: their oldest membership. */
export async function findPrimaryMembership(db: Database, userId: string) {
  const [row] = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role, organisationName: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row;
}

export async function findOldestOrganisation(db: Database) {
  const [row] = await db.select().from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
  return row;
}

export function listMembers(db: Database, organisationId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(memberships.createdAt));
}
