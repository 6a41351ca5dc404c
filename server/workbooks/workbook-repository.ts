import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { workbooks, workbookVersions } from "@/db/schema";

export type WorkbookRow = typeof workbooks.$inferSelect;

export async function insertWorkbook(db: Database, workbook: typeof workbooks.$inferInsert): Promise<WorkbookRow> {
  const [row] = await db.insert(workbooks).values(workbook).returning();
  if (!row) throw new Error("insert into workbook returned no row");
  return row;
}

export async function findWorkbook(db: Database, organisationId: string, id: string): Promise<WorkbookRow | undefined> {
  const [row] = await db
    .select()
    .from(workbooks)
    .where(and(eq(workbooks.id, id), eq(workbooks.organisationId, organisationId)))
    .limit(1);
  return row;
}

export function listWorkbooks(db: Database, organisationId: string, limit = 100) {
  return db.select().from(workbooks).where(eq(workbooks.organisationId, organisationId)).orderBy(desc(workbooks.updatedAt)).limit(limit);
}

export async function updateWorkbook(db: Database, organisationId: string, id: string, changes: Partial<typeof workbooks.$inferInsert>) {
  await db
    .update(workbooks)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(workbooks.id, id), eq(workbooks.organisationId, organisationId)));
}

export async function insertWorkbookVersion(db: Database, version: typeof workbookVersions.$inferInsert) {
  await db.insert(workbookVersions).values(version);
}

export async function findWorkbookVersion(db: Database, workbookId: string, version: number) {
  const [row] = await db
    .select()
    .from(workbookVersions)
    .where(and(eq(workbookVersions.workbookId, workbookId), eq(workbookVersions.version, version)))
    .limit(1);
  return row;
}
