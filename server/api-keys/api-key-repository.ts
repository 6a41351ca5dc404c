import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/database";
import { apiKeys, memberships } from "@/db/schema";

export async function insertApiKey(db: Database, key: typeof apiKeys.$inferInsert) {
  const [row] = await db.insert(apiKeys).values(key).returning();
  if (!row) throw new Error("insert into api_key returned no row");
  return row;
}

/** The key with this hash together with its owner's current role in the key's organisation. */
export async function findApiKeyByHash(db: Database, hash: string) {
  const [row] = await db
    .select({ key: apiKeys, role: memberships.role })
    .from(apiKeys)
    .leftJoin(memberships, and(eq(memberships.userId, apiKeys.userId), eq(memberships.organisationId, apiKeys.organisationId)))
    .where(eq(apiKeys.hash, hash))
    .limit(1);
  return row;
}

export function listApiKeys(db: Database, organisationId: string) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      userId: apiKeys.userId,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.organisationId, organisationId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function markApiKeyRevoked(db: Database, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.organisationId, organisationId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

export async function touchApiKey(db: Database, id: string): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, id));
}
