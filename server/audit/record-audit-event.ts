import "server-only";
import type { Database } from "@/db/database";
import { insertAuditEntry, type AuditEntry } from "@/server/audit/audit-repository";

/**
 * Records a security event. Auditing must never turn a request's answer into a 500, so a failure to write
 * is reported on stderr and swallowed.
 */
export async function recordAuditEvent(db: Database, entry: AuditEntry): Promise<void> {
  try {
    await insertAuditEntry(db, entry);
  } catch (error) {
    console.error("audit log write failed", entry.action, error);
  }
}
