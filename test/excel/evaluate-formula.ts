/**
 * Formula-level test helper: evaluates one formula against a few cells, through the real parser,
 * compiler and engine. `cells` maps "A1" or "Sheet2!B2" to values; a string starting with "=" is a
 * formula, a string that is an error code ("#N/A") is that error. The formula sits at Sheet1!Z100
 * (override with `options.origin`) as a dynamic-array formula; a spilled result comes back as rows.
 */
import { createEngine, type EngineOptions } from "@/lib/excel/engine";
import { splitSheetAddress } from "@/lib/excel/formula/references";
import { type CellModel, DEFAULT_CALC, emptySheet, type SheetModel, type Workbook } from "@/lib/excel/workbook/model";
import { ExcelError, isErrorCode, type Scalar } from "@/lib/excel/values";

export interface EvaluateOptions extends EngineOptions {
  readonly origin?: string;
}

function toCellModel(value: unknown): CellModel {
  if (typeof value === "string" && value.startsWith("=")) return { value: null, formula: value.slice(1), dynamic: true };
  if (typeof value === "string" && isErrorCode(value)) return { value: ExcelError.of(value) };
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value instanceof ExcelError) return { value };
  if (value instanceof Date) return { value: value.getTime() / 86_400_000 + 25_569 };
  throw new Error(`Unsupported test cell value: ${String(value)}`);
}

/** Builds a workbook from `{"A1": 3, "Sheet2!B2": "x", "C1": "=A1*2"}` (sheets in order of appearance). */
export function workbookFromCells(cells: Record<string, unknown>, extraSheets: readonly string[] = []): Workbook {
  const sheets = new Map<string, SheetModel>([["Sheet1", emptySheet("Sheet1")]]);
  const sheetFor = (name: string): SheetModel => {
    let sheet = sheets.get(name);
    if (!sheet) {
      sheet = emptySheet(name);
      sheets.set(name, sheet);
    }
    return sheet;
  };
  for (const name of extraSheets) sheetFor(name);
  for (const [ref, value] of Object.entries(cells)) {
    const { sheet, address } = splitSheetAddress(ref);
    sheetFor(sheet ?? "Sheet1").cells.set(address.replaceAll("$", "").toUpperCase(), toCellModel(value));
  }
  return { sheets: [...sheets.values()], names: [], tables: [], calc: DEFAULT_CALC, date1904: false };
}

export function evaluateFormula(formula: string, cells: Record<string, unknown> = {}, options: EvaluateOptions = {}): Scalar | Scalar[][] {
  const origin = options.origin ?? "Sheet1!Z100";
  const text = formula.startsWith("=") ? formula : `=${formula}`;
  const { sheet } = splitSheetAddress(origin);
  const workbook = workbookFromCells({ ...cells, [origin]: text }, sheet ? [sheet] : []);
  const engine = createEngine(workbook, options);
  engine.recalculateAll();
  return engine.getSpill(origin) ?? engine.getValue(origin);
}
