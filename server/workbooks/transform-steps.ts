import "server-only";
import type { Database } from "@/db/database";
import { analyseWorkbook } from "@/lib/excel/analyse/analyse-workbook";
import { createEngine } from "@/lib/excel/engine";
import { measureFidelity } from "@/lib/excel/fidelity";
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import type { FileStorage } from "@/server/storage/file-storage";
import { loadWorkbookVersion } from "@/server/workbooks/load-workbook-version";
import { updateWorkbook } from "@/server/workbooks/workbook-repository";

export interface TransformTarget {
  db: Database;
  storage: FileStorage;
  organisationId: string;
  workbookId: string;
}

/** Step "parse": reads the current version and reports its size; unreadable files fail for good. */
export async function parseWorkbookStep(target: TransformTarget) {
  await updateWorkbook(target.db, target.organisationId, target.workbookId, { status: "processing", error: null, downloads: null });
  const { workbook, version } = await loadWorkbookVersion(target.db, target.storage, target.organisationId, target.workbookId);
  let cells = 0;
  let formulas = 0;
  for (const sheet of workbook.sheets) {
    cells += sheet.cells.size;
    for (const cell of sheet.cells.values()) if (cell.formula !== undefined) formulas += 1;
  }
  return { version, sheets: workbook.sheets.length, cells, formulas, tables: workbook.tables.length };
}

/** Step "analyse": inputs, outputs, labels, tables, charts, pages and unsupported features, stored for the page. */
export async function analyseWorkbookStep(target: TransformTarget) {
  const { workbook, bytes } = await loadWorkbookVersion(target.db, target.storage, target.organisationId, target.workbookId);
  const analysis = analyseWorkbook(workbook, { bytes });
  await updateWorkbook(target.db, target.organisationId, target.workbookId, { analysis: JSON.parse(JSON.stringify(analysis)) as Record<string, unknown> });
  return { inputs: analysis.inputs.length, outputs: analysis.outputs.length, tables: analysis.tables.length, charts: analysis.charts.length, unsupported: analysis.unsupported.length };
}

/** Step "compile": recomputes every formula from scratch and records how many match the values Excel saved. */
export async function compileWorkbookStep(target: TransformTarget) {
  const { workbook } = await loadWorkbookVersion(target.db, target.storage, target.organisationId, target.workbookId);
  const engine = createEngine(workbook);
  engine.recalculateAll();
  const fidelity = measureFidelity(workbook, engine);
  await updateWorkbook(target.db, target.organisationId, target.workbookId, { fidelity });
  return { matched: fidelity.matched, total: fidelity.total, skipped: fidelity.skipped, unknownFunctions: engine.unknownFunctions() };
}

export async function markWorkbookReady(target: TransformTarget): Promise<void> {
  await updateWorkbook(target.db, target.organisationId, target.workbookId, { status: "ready", error: null });
}

export async function markWorkbookFailed(target: Omit<TransformTarget, "storage">, message: string): Promise<void> {
  await updateWorkbook(target.db, target.organisationId, target.workbookId, { status: "failed", error: message });
}

export function isPermanentLoadFailure(error: unknown): error is WorkbookLoadError {
  return error instanceof WorkbookLoadError;
}
