import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { auditLog } from "@/db/schema";

export type AuditEntry = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export function listAuditEntries(db: Database, organisationId: string, options: { action?: string; limit?: number } = {}) {
  const conditions = [eq(auditLog.organisationId, organisationId)];
  if (options.action) conditions.push(eq(auditLog.action, options.action));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(options.limit ?? 100);
}

export function listAuditEntriesByAction(db: Database, action: string, limit = 100) {
  return db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(limit);
}
