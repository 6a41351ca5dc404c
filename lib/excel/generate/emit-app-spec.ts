/** Writes src/app-spec.ts: the pages, tables, charts and notices the generated UI renders. */
import type { WorkbookAnalysis } from "@/lib/excel/analyse/types";
import { formatCellAddress, parseAreaAddress, splitSheetAddress } from "@/lib/excel/formula/references";
import type { Workbook } from "@/lib/excel/workbook/model";
import { type JsonCellValue, toJsonValue } from "@/lib/excel/values";

const MAX_TABLE_ROWS = 200;
const MAX_CHART_POINTS = 200;

function expand(sheet: string, range: string, maxRows: number): string[][] {
  const area = parseAreaAddress(range.replaceAll("$", ""));
  if (!area) return [];
  const rows: string[][] = [];
  for (let r = area.top; r <= Math.min(area.bottom, area.top + maxRows - 1); r++) {
    const row: string[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(`${sheet}!${formatCellAddress(r, c)}`);
    rows.push(row);
  }
  return rows;
}

function expandRef(ref: string | undefined, fallbackSheet: string): string[] {
  if (!ref) return [];
  const { sheet, address } = splitSheetAddress(ref);
  const rows = expand(sheet ?? fallbackSheet, address, MAX_CHART_POINTS);
  return rows.length === 1 ? (rows[0] ?? []) : rows.map((r) => r[0] ?? "");
}

export interface AppSpec {
  readonly title: string;
  readonly pages: { name: string; inputs: readonly string[]; outputs: readonly string[]; tables: number[]; charts: readonly number[] }[];
  readonly tables: { name: string; sheet: string; headers: readonly string[]; rows: string[][]; totalRows: number; editable: boolean }[];
  readonly charts: { title: string; kind: string; series: { name: string; values: string[]; categories: string[] }[] }[];
  readonly notices: { kind: string; detail: string; cells: readonly string[] }[];
  /** Constant cells shown in tables and charts (formula cells come from compute()). */
  readonly constants: Record<string, JsonCellValue>;
}

/** What the generated UI (and the product's live preview) renders, as data. */
export function buildAppSpec(workbook: Workbook, analysis: WorkbookAnalysis, title: string): AppSpec {
  const tables = analysis.tables.map((t) => {
    const area = parseAreaAddress(t.range);
    const totalRows = area ? area.bottom - area.top + 1 : 0;
    return { name: t.name, sheet: t.sheet, headers: t.headers, rows: expand(t.sheet, t.range, MAX_TABLE_ROWS), totalRows, editable: t.isInput };
  });
  const charts = analysis.charts.map((c) => ({
    title: c.title || `${c.sheet} chart`,
    kind: c.kind,
    series: c.series.map((s) => ({ name: s.name, values: expandRef(s.values, c.sheet), categories: expandRef(s.categories, c.sheet) })),
  }));
  const wanted = new Set<string>([...tables.flatMap((t) => t.rows.flat()), ...charts.flatMap((c) => c.series.flatMap((s) => [...s.values, ...s.categories]))]);
  const constants: Record<string, JsonCellValue> = {};
  for (const ref of wanted) {
    const { sheet, address } = splitSheetAddress(ref);
    const cell = workbook.sheets.find((s) => s.name === sheet)?.cells.get(address);
    if (cell && cell.formula === undefined && cell.value !== null) constants[ref] = toJsonValue(cell.value);
  }
  const pages = analysis.pages.map((p) => ({
    name: p.name,
    inputs: p.inputs,
    outputs: p.outputs,
    tables: p.tables.map((name) => analysis.tables.findIndex((t) => t.name === name)),
    charts: p.charts,
  }));
  const notices = analysis.unsupported.map((u) => ({ kind: u.kind, detail: u.detail, cells: u.cells.slice(0, 50) }));
  return { title, pages, tables, charts, notices, constants };
}

export function emitAppSpec(workbook: Workbook, analysis: WorkbookAnalysis, title: string): string {
  const { pages, tables, charts, notices, constants } = buildAppSpec(workbook, analysis, title);
  return [
    "/** What the app shows: pages per sheet, tables, charts and notices (generated from the workbook's analysis). */",
    'import type { CellValue } from "./model";',
    'import type { ChartSpec } from "./runtime/ui-support";',
    "",
    "export interface PageSpec { readonly name: string; readonly inputs: readonly string[]; readonly outputs: readonly string[]; readonly tables: readonly number[]; readonly charts: readonly number[] }",
    "export interface TableSpec { readonly name: string; readonly sheet: string; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly totalRows: number; readonly editable: boolean }",
    "export interface Notice { readonly kind: string; readonly detail: string; readonly cells: readonly string[] }",
    "",
    `export const TITLE = ${JSON.stringify(title)};`,
    `export const PAGES: readonly PageSpec[] = ${JSON.stringify(pages)};`,
    `export const TABLES: readonly TableSpec[] = ${JSON.stringify(tables)};`,
    `export const CHARTS: readonly ChartSpec[] = ${JSON.stringify(charts)};`,
    `export const NOTICES: readonly Notice[] = ${JSON.stringify(notices)};`,
    "/** Constant cells shown in tables and charts (formula cells come from compute()). */",
    `export const CONSTANTS: Readonly<Record<string, CellValue>> = ${JSON.stringify(constants)};`,
    "",
  ].join("\n");
}
