/**
 * Analyses a workbook for app generation: inputs (constants formulas read, typed from number formats
 * and data validation), outputs (formulas nothing reads, and named results), labels, tables, charts,
 * sheets worth a page, and unsupported features with the cells they touch.
 */
import { findLabel } from "@/lib/excel/analyse/find-label";
import { findTables } from "@/lib/excel/analyse/find-tables";
import { inferFieldType, typeFromFormat } from "@/lib/excel/analyse/infer-field-type";
import { readPackageFacts } from "@/lib/excel/analyse/read-package-parts";
import { scanFormulas } from "@/lib/excel/analyse/scan-formulas";
import type { ChartInfo, Field, SheetPage, TableRegion, UnsupportedFeature, WorkbookAnalysis } from "@/lib/excel/analyse/types";
import { suggestCharts } from "@/lib/excel/analyse/suggest-charts";
import { formatCellAddress, parseAreaAddress, parseCellAddress, splitSheetAddress } from "@/lib/excel/formula/references";
import type { CellModel, DataValidationModel, SheetModel, Workbook } from "@/lib/excel/workbook/model";
import { type Scalar, toJsonValue } from "@/lib/excel/values";

export interface AnalyseOptions {
  /** The file's bytes, for what the workbook model does not hold: charts, macros, external links. */
  readonly bytes?: Uint8Array;
  /** Caps per sheet, so a page stays usable (defaults 100 and 60). */
  readonly maxInputs?: number;
  readonly maxOutputs?: number;
}

function validationAt(sheet: SheetModel, row: number, col: number): DataValidationModel | undefined {
  return sheet.dataValidations.find((v) =>
    v.sqref.split(/\s+/).some((piece) => {
      const area = parseAreaAddress(piece.replaceAll("$", ""));
      return !!area && row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
    }),
  );
}

function singleCellNames(workbook: Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of workbook.names) {
    if (name.name.startsWith("_xlnm") || name.name.startsWith("_")) continue;
    const { sheet, address } = splitSheetAddress(name.formula.replaceAll("$", ""));
    if (sheet === undefined || !parseCellAddress(address)) continue;
    out.set(`${sheet}!${address}`, name.name);
  }
  return out;
}

function listResolver(workbook: Workbook, sheet: SheetModel): (formula: string) => string[] | undefined {
  return (formula) => {
    let text = formula.replaceAll("$", "");
    const named = workbook.names.find((n) => n.name.toUpperCase() === text.toUpperCase());
    if (named) text = named.formula.replaceAll("$", "");
    const { sheet: sheetName, address } = splitSheetAddress(text);
    const target = sheetName === undefined ? sheet : workbook.sheets.find((s) => s.name === sheetName);
    const area = parseAreaAddress(address);
    if (!target || !area || (area.bottom - area.top + 1) * (area.right - area.left + 1) > 500) return undefined;
    const options: string[] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const value = target.cells.get(formatCellAddress(r, c))?.value;
        if (value !== undefined && value !== null && value !== "") options.push(String(value));
      }
    }
    return options;
  };
}

function makeField(workbook: Workbook, sheet: SheetModel, address: string, cell: CellModel, name: string | undefined, asInput: boolean): Field | undefined {
  const pos = parseCellAddress(address);
  if (!pos) return undefined;
  const value: Scalar = cell.value;
  const typed = asInput
    ? inferFieldType(value, cell.numberFormat, validationAt(sheet, pos.row, pos.col), listResolver(workbook, sheet))
    : { type: typeFromFormat(cell.numberFormat) ?? (typeof value === "boolean" ? "boolean" : typeof value === "string" ? "text" : "number") };
  return {
    ref: `${sheet.name}!${address}`,
    sheet: sheet.name,
    address,
    label: findLabel(sheet, pos.row, pos.col, name),
    default: toJsonValue(value),
    ...typed,
    ...(cell.numberFormat !== undefined && { format: cell.numberFormat }),
  };
}

function insideTables(tables: readonly TableRegion[], sheet: string, address: string): boolean {
  const pos = parseCellAddress(address);
  return tables.some((t) => {
    const area = t.sheet === sheet ? parseAreaAddress(t.range) : undefined;
    return !!pos && !!area && pos.row >= area.top && pos.row <= area.bottom && pos.col >= area.left && pos.col <= area.right;
  });
}

function unsupportedFeatures(scan: ReturnType<typeof scanFormulas>, facts: ReturnType<typeof readPackageFacts>): UnsupportedFeature[] {
  const out: UnsupportedFeature[] = [];
  if (facts.hasMacros) out.push({ kind: "macros", detail: "VBA macros are ignored; the app reproduces formulas only.", cells: [] });
  if (facts.externalLinks.length > 0 || scan.external.length > 0) {
    out.push({ kind: "external-links", detail: "References to other workbooks evaluate to #REF!.", cells: scan.external });
  }
  for (const [name, cells] of scan.unknown) out.push({ kind: "unknown-functions", detail: `${name} is not supported and evaluates to #NAME?.`, cells });
  if (scan.syntaxErrors.length > 0) out.push({ kind: "formula-syntax", detail: "Formulas that could not be parsed evaluate to #NAME?.", cells: scan.syntaxErrors });
  return out;
}

export function analyseWorkbook(workbook: Workbook, options: AnalyseOptions = {}): WorkbookAnalysis {
  const scan = scanFormulas(workbook);
  const facts = readPackageFacts(options.bytes);
  const names = singleCellNames(workbook);
  const tables = findTables(workbook, scan.areaReads, scan.formulaCount > 0);
  const formulaReads = new Set<string>();
  for (const ref of scan.reads) formulaReads.add(ref);
  const inputs: Field[] = [];
  const outputs: Field[] = [];
  const maxInputs = options.maxInputs ?? 100;
  const maxOutputs = options.maxOutputs ?? 60;
  let cellCount = 0;
  for (const sheet of workbook.sheets) {
    cellCount += sheet.cells.size;
    const inputsBefore = inputs.length;
    const outputsBefore = outputs.length;
    for (const [address, cell] of sheet.cells) {
      const ref = `${sheet.name}!${address}`;
      const name = names.get(ref);
      if (cell.formula === undefined) {
        if (inputs.length - inputsBefore >= maxInputs || cell.value === null || !scan.singleReads.has(ref) || insideTables(tables, sheet.name, address)) continue;
        const field = makeField(workbook, sheet, address, cell, name, true);
        if (field) inputs.push(field);
        continue;
      }
      if (outputs.length - outputsBefore >= maxOutputs || insideTables(tables, sheet.name, address)) continue;
      const field = makeField(workbook, sheet, address, cell, name, false);
      const labelled = field !== undefined && field.label !== address;
      if (field && (!formulaReads.has(ref) || labelled)) outputs.push(field);
    }
  }
  const charts: ChartInfo[] = facts.charts.length > 0 ? facts.charts : suggestCharts(workbook, tables);
  const pages: SheetPage[] = [];
  for (const sheet of workbook.sheets) {
    const page: SheetPage = {
      name: sheet.name,
      inputs: inputs.filter((f) => f.sheet === sheet.name).map((f) => f.ref),
      outputs: outputs.filter((f) => f.sheet === sheet.name).map((f) => f.ref),
      tables: tables.filter((t) => t.sheet === sheet.name).map((t) => t.name),
      charts: charts.flatMap((c, i) => (c.sheet === sheet.name ? [i] : [])),
    };
    const matters = page.inputs.length + page.outputs.length + page.tables.length + page.charts.length > 0;
    if (matters && (!sheet.hidden || page.inputs.length > 0)) pages.push(page);
  }
  return { inputs, outputs, tables, charts, pages, unsupported: unsupportedFeatures(scan, facts), formulaCount: scan.formulaCount, cellCount, functionsUsed: [...scan.functions].sort() };
}
