/**
 * One SheetJS sheet (dense) into the sheet model, with what the raw sheet XML adds (cached-value presence,
 * newer error codes, ISO dates, hidden rows). SheetJS's rows are released as they are converted, so the
 * sheet is not held twice.
 */
import * as XLSX from "@e965/xlsx";
import type { CellModel, DataValidationModel, SheetModel } from "@/lib/excel/workbook/model";
import { readDataValidations, scanSheetXml, type SheetXmlFacts } from "@/lib/excel/workbook/xml-parts";
import { type ErrorCode, ExcelError, isErrorCode, type Scalar } from "@/lib/excel/values";

export interface SheetReadContext {
  readonly date1904: boolean;
  readonly valueErrors: Map<number, ErrorCode>;
  /** Rewrites formula text into Excel's syntax (OpenDocument references); identity when absent. */
  readonly formulaSyntax?: (formula: string) => string;
}

/** What the sheet XML says beyond SheetJS's cells; read before SheetJS parses, so the XML text is not held twice. */
export interface SheetXmlInfo {
  readonly facts: SheetXmlFacts;
  readonly dataValidations: DataValidationModel[];
}

export function readSheetXmlInfo(xml: string): SheetXmlInfo {
  return { facts: scanSheetXml(xml), dataValidations: readDataValidations(xml) };
}

/** Excel's grid (ECMA-376 ST_CellRef: A1 to XFD1048576); cells a damaged file puts beyond it are dropped. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

const ERROR_BY_NUMBER: Record<number, string> = { 0: "#NULL!", 7: "#DIV/0!", 15: "#VALUE!", 23: "#REF!", 29: "#NAME?", 36: "#NUM!", 42: "#N/A", 43: "#GETTING_DATA" };
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function cellValue(cell: XLSX.CellObject, errorText: string | undefined): Scalar {
  switch (cell.t) {
    case "n":
      return typeof cell.v === "number" ? cell.v : null;
    case "s":
      return typeof cell.v === "string" ? cell.v : String(cell.v ?? "");
    case "b":
      return cell.v === true;
    case "e": {
      const text = errorText ?? (typeof cell.v === "number" ? ERROR_BY_NUMBER[cell.v] : undefined);
      return text && isErrorCode(text) ? ExcelError.of(text) : ExcelError.of("#N/A");
    }
    case "d":
      return cell.v instanceof Date ? cell.v.getTime() / DAY_MS + 25_569 : null;
    default:
      return null;
  }
}

/**
 * A Strict OOXML ISO date as a serial. Excel writes serials as days after 1899-12-30 without the 1900
 * leap-year adjustment (serial 0 is saved as 1899-12-30), so reading them back uses the same count.
 */
function isoDateSerial(text: string, date1904: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  if (!m) return undefined;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
  return (time - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
}

const formatOf = (cell: XLSX.CellObject): { numberFormat?: string } => (cell.z !== undefined && cell.z !== "General" ? { numberFormat: String(cell.z) } : {});

/** `info` is what the sheet part's XML says, when the file is OOXML. */
export function readSheet(ws: XLSX.WorkSheet, name: string, hidden: boolean, info: SheetXmlInfo | undefined, context: SheetReadContext): SheetModel {
  const facts = info?.facts;
  const cells = new Map<string, CellModel>();
  const data = (ws["!data"] ?? []) as ((XLSX.CellObject | undefined)[] | undefined)[];
  // Bounded by the grid, not by the row list's length: a damaged file can put a cell at row 10^9.
  for (let r = 0; r < Math.min(data.length, MAX_ROWS); r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, MAX_COLUMNS); c++) {
      const cell = row[c];
      if (!cell || (cell.t === "z" && cell.f === undefined)) continue;
      const address = XLSX.utils.encode_cell({ r, c });
      const iso = facts?.isoDates.get(address);
      const vm = facts?.errorMetadata.get(address);
      const richError = vm !== undefined ? context.valueErrors.get(vm) : undefined;
      const isoValue = iso !== undefined ? isoDateSerial(iso, context.date1904) : undefined;
      const value = richError ? ExcelError.of(richError) : (isoValue ?? cellValue(cell, facts?.errors.get(address)));
      if (cell.f === undefined) {
        cells.set(address, { value, ...formatOf(cell) });
        continue;
      }
      const extra = cell as XLSX.CellObject & { F?: string; D?: boolean };
      const hasCachedValue = cell.t !== "z" && !(facts?.uncached.has(address) ?? false);
      cells.set(address, {
        value: hasCachedValue ? value : null,
        formula: context.formulaSyntax ? context.formulaSyntax(cell.f) : cell.f,
        hasCachedValue,
        ...(extra.F !== undefined && { arrayRange: extra.F }),
        ...(extra.D === true && { dynamic: true }),
        ...formatOf(cell),
      });
    }
    data[r] = undefined;
  }
  return {
    name,
    cells,
    merges: (ws["!merges"] ?? []).map((m) => XLSX.utils.encode_range(m)),
    dataValidations: info?.dataValidations ?? [],
    hidden,
    ...(facts && facts.hiddenRows.length > 0 && { hiddenRows: facts.hiddenRows }),
  };
}
