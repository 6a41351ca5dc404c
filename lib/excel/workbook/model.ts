/** The workbook model: what loading a file yields and what the engine is built from. Isomorphic. */
import type { Scalar } from "@/lib/excel/values";

export interface CellModel {
  /** The value stored in the file: a constant, or a formula's cached result (null when absent). */
  readonly value: Scalar;
  /** Formula text without the leading "=" (function names may carry `_xlfn.` prefixes). */
  readonly formula?: string;
  /** For array formulas: the A1 area (CSE) or the saved spill area (dynamic arrays). */
  readonly arrayRange?: string;
  /** A dynamic-array formula (spills), as opposed to a legacy or CSE formula. */
  readonly dynamic?: boolean;
  /** Whether the file held a cached value for this formula cell. */
  readonly hasCachedValue?: boolean;
  readonly numberFormat?: string;
}

export interface DataValidationModel {
  /** Space-separated A1 areas the rule applies to. */
  readonly sqref: string;
  readonly type: string;
  readonly operator?: string;
  readonly formula1?: string;
  readonly formula2?: string;
  readonly allowBlank?: boolean;
}

export interface SheetModel {
  readonly name: string;
  /** Keyed by A1 address ("B3"). */
  readonly cells: Map<string, CellModel>;
  /** A1 areas ("A1:B2"). */
  readonly merges: string[];
  readonly dataValidations: DataValidationModel[];
  readonly hidden: boolean;
  /** Zero-based indexes of hidden rows (SUBTOTAL/AGGREGATE function numbers 101+ skip them). */
  readonly hiddenRows?: readonly number[];
}

export interface DefinedNameModel {
  readonly name: string;
  /** Sheet name for a sheet-scoped name; undefined for workbook scope. */
  readonly scope?: string;
  /** Formula text without "=" ("Sheet1!$A$1:$B$3", "0.05", "OFFSET(...)"). */
  readonly formula: string;
}

export interface TableModel {
  readonly name: string;
  readonly sheet: string;
  /** Whole table area including header and totals rows ("A1:D10"). */
  readonly ref: string;
  readonly headerRowCount: number;
  readonly totalsRowCount: number;
  readonly columns: string[];
}

/** The values cached for one external workbook's sheets, by A1 address. */
export interface ExternalBookModel {
  readonly sheets: readonly { readonly name: string; readonly cells: ReadonlyMap<string, Scalar> }[];
}

export interface CalcSettings {
  readonly iterate: boolean;
  readonly iterateCount: number;
  readonly iterateDelta: number;
  readonly fullCalcOnLoad: boolean;
}

export interface Workbook {
  readonly sheets: SheetModel[];
  readonly names: DefinedNameModel[];
  readonly tables: TableModel[];
  readonly calc: CalcSettings;
  readonly date1904: boolean;
  /** External workbooks referenced as `[n]Sheet!A1` (n is the 1-based position), with their cached values. */
  readonly externalBooks?: readonly ExternalBookModel[];
  /** Upper-case names of the public Function procedures in the workbook's VBA project (user-defined functions). */
  readonly vbaFunctions?: readonly string[];
}

export const DEFAULT_CALC: CalcSettings = { iterate: false, iterateCount: 100, iterateDelta: 0.001, fullCalcOnLoad: false };

export function emptySheet(name: string): SheetModel {
  return { name, cells: new Map(), merges: [], dataValidations: [], hidden: false };
}
