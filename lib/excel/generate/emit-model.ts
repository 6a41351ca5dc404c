/**
 * Writes src/model.ts (inputs, outputs, one named formula function per formula cell, compute()) and
 * src/model-data.ts (the workbook's constants) for a generated project.
 */
import type { Field, WorkbookAnalysis } from "@/lib/excel/analyse/types";
import { BUILDER_NAMES, emitFormula } from "@/lib/excel/generate/emit-formula";
import { createFormulaNamer } from "@/lib/excel/generate/name-formulas";
import { FormulaSyntaxError, type FormulaNode } from "@/lib/excel/formula/ast";
import { parseFormula } from "@/lib/excel/formula/parse-formula";
import type { Workbook } from "@/lib/excel/workbook/model";
import { ExcelError, type Scalar } from "@/lib/excel/values";

const str = (text: string): string => JSON.stringify(text);

function parseOrError(text: string): FormulaNode {
  try {
    return parseFormula(text);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { type: "error", code: "#NAME?" };
    throw error;
  }
}

function emitScalar(value: Scalar): string {
  if (value instanceof ExcelError) return `ExcelError.of(${str(value.code)})`;
  return value === null ? "null" : JSON.stringify(value);
}

function emitField(field: Field): string {
  return `  ${JSON.stringify(field)},`;
}

function commentText(text: string): string {
  return text.replaceAll("*/", "* /").replace(/\s+/g, " ").slice(0, 300);
}

/** Labels of formula cells: outputs' labels, so each function's name says what it computes. */
function labelsByRef(analysis: WorkbookAnalysis): Map<string, string> {
  return new Map(analysis.outputs.filter((o) => o.label !== o.address).map((o) => [o.ref, o.label]));
}

export function emitModelData(workbook: Workbook): string {
  const lines = [
    "/** The workbook's constant cells, tables and settings (generated; edit the workbook, not this file). */",
    'import { ExcelError } from "./excel/values";',
    'import type { ModelData } from "./runtime/model-engine";',
    "",
    "export const MODEL_DATA: ModelData = {",
    "  sheets: [",
  ];
  for (const sheet of workbook.sheets) {
    lines.push(`    { name: ${str(sheet.name)}, cells: [`);
    for (const [address, cell] of sheet.cells) {
      if (cell.formula === undefined && cell.value !== null) lines.push(`      [${str(address)}, ${emitScalar(cell.value)}],`);
    }
    lines.push(sheet.hiddenRows?.length ? `    ], hiddenRows: ${JSON.stringify(sheet.hiddenRows)} },` : "    ] },");
  }
  lines.push("  ],");
  lines.push(`  tables: ${JSON.stringify(workbook.tables)},`);
  if (workbook.calc.iterate) lines.push(`  iterate: { count: ${workbook.calc.iterateCount}, delta: ${workbook.calc.iterateDelta} },`);
  if (workbook.externalBooks?.length) {
    lines.push("  externalBooks: [");
    for (const book of workbook.externalBooks) {
      const sheets = book.sheets.map((sheet) => `{ name: ${str(sheet.name)}, cells: [${[...sheet.cells].map(([address, value]) => `[${str(address)}, ${emitScalar(value)}]`).join(", ")}] }`);
      lines.push(`    { sheets: [${sheets.join(", ")}] },`);
    }
    lines.push("  ],");
  }
  lines.push(`  date1904: ${workbook.date1904},`, "};", "");
  if (!lines.some((l) => l.includes("ExcelError.of("))) lines.splice(1, 1);
  return lines.join("\n");
}

export function emitModel(workbook: Workbook, analysis: WorkbookAnalysis, title: string): string {
  const nameOf = createFormulaNamer();
  const labels = labelsByRef(analysis);
  const functions: string[] = [];
  const bodies: string[] = [];
  const definitions: string[] = [];
  let usesExcelError = false;
  for (const sheet of workbook.sheets) {
    let header = false;
    for (const [address, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      if (!header) {
        functions.push(`// ---- Sheet ${commentText(sheet.name)} ----`, "");
        header = true;
      }
      const ref = `${sheet.name}!${address}`;
      const fn = nameOf(sheet.name, address, labels.get(ref));
      const body = emitFormula(parseOrError(cell.formula));
      bodies.push(body);
      usesExcelError ||= body.includes("ExcelError.of(");
      const label = labels.get(ref);
      functions.push(
        `/** ${commentText(ref)}${label ? ` (${commentText(label)})` : ""}: =${commentText(cell.formula)} */`,
        `export function ${fn}(): Expr {`,
        `  return ${body};`,
        "}",
        "",
      );
      const mode = cell.dynamic ? "dynamic" : cell.arrayRange ? "array" : "legacy";
      const area = cell.arrayRange ? `, area: ${str(cell.arrayRange)}` : "";
      const cached = workbook.calc.iterate && cell.value !== null ? `, cached: ${emitScalar(cell.value)}` : "";
      usesExcelError ||= cached.includes("ExcelError.of(");
      definitions.push(`  { sheet: ${str(sheet.name)}, address: ${str(address)}, text: ${str(cell.formula)}, mode: ${str(mode)}${area}${cached}, build: ${fn} },`);
    }
  }
  const names = workbook.names.map((n) => {
    const body = emitFormula(parseOrError(n.formula));
    bodies.push(body);
    usesExcelError ||= body.includes("ExcelError.of(");
    return `  { name: ${str(n.name)}, ${n.scope === undefined ? "" : `scope: ${str(n.scope)}, `}formula: ${str(n.formula)}, build: () => ${body} },`;
  });
  const allBodies = bodies.join("\n");
  const usedBuilders = BUILDER_NAMES.filter((b) => new RegExp(`\\b${b}\\b`).test(allBodies));
  return [
    "/**",
    ` * ${commentText(title)} as code (generated by Candlefish from the workbook).`,
    " *",
    " * Each formula cell is a named function returning its formula, written with the builders in",
    " * runtime/formula-builders.ts (`mul(ref(\"B4\"), 12)` is `B4*12`); the engine pieces in excel/ evaluate them in",
    " * dependency order with Excel's semantics. compute() takes input values keyed by \"Sheet!A1\" (missing",
    " * ones keep the workbook's values) and returns every formula cell's value, keyed the same way.",
    " */",
    usedBuilders.length > 0 ? `import { ${[...usedBuilders, "type Expr"].join(", ")} } from "./runtime/formula-builders";` : 'import type { Expr } from "./runtime/formula-builders";',
    ...(usesExcelError ? ['import { ExcelError } from "./excel/values";'] : []),
    'import { FUNCTIONS } from "./excel/functions/registry";',
    'import { MODEL_DATA } from "./model-data";',
    'import { createModel as createEngineModel, type FormulaDefinition, type JsonCellValue, type Model, type NameDefinition } from "./runtime/model-engine";',
    "",
    "/** A cell's value: number, text, boolean, empty (null) or an Excel error such as { error: \"#DIV/0!\" }. */",
    "export type CellValue = JsonCellValue;",
    'export type FieldType = "number" | "currency" | "percent" | "date" | "boolean" | "list" | "text";',
    "",
    "export interface Field {",
    "  readonly ref: string;",
    "  readonly sheet: string;",
    "  readonly address: string;",
    "  readonly label: string;",
    "  readonly type: FieldType;",
    "  readonly default: CellValue;",
    "  readonly format?: string;",
    "  readonly options?: readonly string[];",
    "  readonly min?: number;",
    "  readonly max?: number;",
    "}",
    "",
    "export const inputs: readonly Field[] = [",
    ...analysis.inputs.map(emitField),
    "];",
    "",
    "export const outputs: readonly Field[] = [",
    ...analysis.outputs.map(emitField),
    "];",
    "",
    ...functions,
    "const FORMULAS: readonly FormulaDefinition[] = [",
    ...definitions,
    "];",
    "",
    "const NAMES: readonly NameDefinition[] = [",
    ...names,
    "];",
    "",
    "/** A fresh model; `now` and `random` feed NOW(), TODAY(), RAND() and friends. */",
    "export function createModel(options: { now?: () => Date; random?: () => number } = {}): Model {",
    "  return createEngineModel(MODEL_DATA, FORMULAS, NAMES, FUNCTIONS, options);",
    "}",
    "",
    "const shared = createModel();",
    "",
    "export function compute(values: Readonly<Record<string, CellValue | undefined>> = {}): Record<string, CellValue> {",
    "  return shared.compute(values);",
    "}",
    "",
  ].join("\n");
}
