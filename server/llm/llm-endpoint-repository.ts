import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { llmEndpoints } from "@/db/schema";

export type LlmEndpointRow = typeof llmEndpoints.$inferSelect;

export function listEndpointRows(db: Database, organisationId: string): Promise<LlmEndpointRow[]> {
  return db.query.llmEndpoints.findMany({ where: eq(llmEndpoints.organisationId, organisationId), orderBy: asc(llmEndpoints.createdAt) });
}

export async function insertEndpointRow(db: Database, row: typeof llmEndpoints.$inferInsert): Promise<LlmEndpointRow> {
  const [created] = await db.insert(llmEndpoints).values(row).returning();
  return created as LlmEndpointRow;
}

export async function deleteEndpointRow(db: Database, organisationId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(llmEndpoints)
    .where(and(eq(llmEndpoints.organisationId, organisationId), eq(llmEndpoints.id, id)))
    .returning({ id: llmEndpoints.id });
  return deleted.length > 0;
}
