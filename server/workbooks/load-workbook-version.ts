import "server-only";
import type { Database } from "@/db/database";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import type { Workbook } from "@/lib/excel/workbook/model";
import { AppError } from "@/server/errors/app-error";
import type { FileStorage } from "@/server/storage/file-storage";
import { findWorkbook, findWorkbookVersion } from "@/server/workbooks/workbook-repository";

/** The current version of an organisation's workbook, read from storage and parsed. */
export async function loadWorkbookVersion(db: Database, storage: FileStorage, organisationId: string, workbookId: string): Promise<{ workbook: Workbook; bytes: Uint8Array; fileName: string; version: number }> {
  const row = await findWorkbook(db, organisationId, workbookId);
  if (!row) throw new AppError("not_found", "No such workbook in your organisation.");
  const version = await findWorkbookVersion(db, workbookId, row.currentVersion);
  if (!version) throw new AppError("not_found", `Version ${row.currentVersion} of this workbook is missing.`);
  const bytes = await storage.get(version.storageKey);
  return { workbook: loadWorkbook(bytes, { fileName: version.fileName }), bytes, fileName: version.fileName, version: version.version };
}
