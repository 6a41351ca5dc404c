/** What analysing a workbook yields: the shape of the app generated from it. */
import type { JsonCellValue } from "@/lib/excel/values";

export type FieldType = "number" | "currency" | "percent" | "date" | "boolean" | "list" | "text";

export interface Field {
  /** "<Sheet>!<A1>" (sheet name unquoted, as `excel eval` prints it). */
  readonly ref: string;
  readonly sheet: string;
  readonly address: string;
  readonly label: string;
  readonly type: FieldType;
  readonly default: JsonCellValue;
  /** The cell's number format, when it has one. */
  readonly format?: string;
  /** Choices of a list validation (type "list"). */
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

export interface TableRegion {
  readonly name: string;
  readonly sheet: string;
  /** Data area without the header row, e.g. "A2:D20". */
  readonly range: string;
  readonly headers: readonly string[];
  /** Whether formulas read its constant cells (the table is editable in the app). */
  readonly isInput: boolean;
  readonly source: "excel-table" | "referenced-range" | "sheet-data";
}

export type ChartKind = "bar" | "column" | "line" | "area" | "pie" | "scatter";

export interface ChartSeries {
  readonly name: string;
  /** "<Sheet>!<A1:A9>" references, or undefined when the chart holds literal data only. */
  readonly categories?: string;
  readonly values?: string;
}

export interface ChartInfo {
  readonly sheet: string;
  readonly title: string;
  readonly kind: ChartKind;
  readonly series: readonly ChartSeries[];
  readonly source: "workbook" | "suggested";
}

export type UnsupportedKind = "macros" | "external-links" | "unknown-functions" | "formula-syntax";

export interface UnsupportedFeature {
  readonly kind: UnsupportedKind;
  readonly detail: string;
  /** Cells whose formulas touch the feature ("<Sheet>!<A1>"). */
  readonly cells: readonly string[];
}

export interface SheetPage {
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly tables: readonly string[];
  readonly charts: readonly number[];
}

export interface WorkbookAnalysis {
  readonly inputs: readonly Field[];
  readonly outputs: readonly Field[];
  readonly tables: readonly TableRegion[];
  readonly charts: readonly ChartInfo[];
  /** Sheets worth a page, in workbook order. */
  readonly pages: readonly SheetPage[];
  readonly unsupported: readonly UnsupportedFeature[];
  readonly formulaCount: number;
  readonly cellCount: number;
  /** Spreadsheet functions the formulas (and the defined names they use) call. */
  readonly functionsUsed: readonly string[];
}
