/**
 * The runtime behind a generated model.ts: the workbook's constants plus one syntax-tree builder per
 * formula, evaluated by the engine's compiler and scheduler (dependency order, spills, cycles).
 * Copied into generated projects together with the engine files it imports.
 */
import type { Bounds, Cell } from "@/lib/excel/engine/cell";
import { type EngineOptions, WorkbookEngine } from "@/lib/excel/engine/workbook-engine";
import type { FormulaNode } from "@/lib/excel/formula/ast";
import { formatCellAddress, parseAreaAddress, parseCellAddress } from "@/lib/excel/formula/references";
import type { FunctionSpec } from "@/lib/excel/functions/types";
import { type JsonCellValue, ExcelError, isErrorCode, type Scalar, toJsonValue } from "@/lib/excel/values";
import { type CellModel, DEFAULT_CALC, type DefinedNameModel, type SheetModel, type TableModel } from "@/lib/excel/workbook/model";

export type { JsonCellValue };

export interface FormulaDefinition {
  readonly sheet: string;
  readonly address: string;
  /** The formula as written in the workbook (without "="). */
  readonly text: string;
  readonly mode: "legacy" | "array" | "dynamic";
  /** The area an array formula fills, or the area a dynamic formula spilled to when saved. */
  readonly area?: string;
  readonly build: () => FormulaNode;
  /** The value saved in the file: where iterative calculation of circular formulas starts from. */
  readonly cached?: Scalar;
}

export interface NameDefinition extends DefinedNameModel {
  readonly build: () => FormulaNode;
}

export interface ModelData {
  /** Constant cells per sheet, in sheet order: [A1 address, value]; hidden rows (0-based) for SUBTOTAL and AGGREGATE. */
  readonly sheets: readonly { readonly name: string; readonly cells: readonly (readonly [string, Scalar])[]; readonly hiddenRows?: readonly number[] }[];
  readonly tables: readonly TableModel[];
  readonly iterate?: { readonly count: number; readonly delta: number };
  readonly date1904: boolean;
  /** Values the file cached for external workbooks (`[n]Sheet!A1`, n 1-based), which formulas read as Excel does. */
  readonly externalBooks?: readonly { readonly sheets: readonly { readonly name: string; readonly cells: readonly (readonly [string, Scalar])[] }[] }[];
}

export interface Model {
  /** Values keyed by "Sheet!A1" replace the workbook's constants (missing ones keep their defaults). */
  compute(values?: Readonly<Record<string, JsonCellValue | undefined>>): Record<string, JsonCellValue>;
}

function toScalar(value: JsonCellValue | undefined): Scalar {
  if (value === undefined) return null;
  if (typeof value === "object" && value !== null) return isErrorCode(value.error) ? ExcelError.of(value.error) : ExcelError.of("#VALUE!");
  return value;
}

function splitRef(ref: string): { sheet: string; address: string } | undefined {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return undefined;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replaceAll("''", "'");
  return { sheet, address: ref.slice(bang + 1).replaceAll("$", "").toUpperCase() };
}

function buildEngine(data: ModelData, formulas: readonly FormulaDefinition[], names: readonly NameDefinition[], functions: ReadonlyMap<string, FunctionSpec>, options: EngineOptions) {
  const sheets: SheetModel[] = data.sheets.map((sheet) => ({
    name: sheet.name,
    cells: new Map<string, CellModel>(sheet.cells.map(([address, value]) => [address, { value }])),
    merges: [],
    dataValidations: [],
    hidden: false,
    ...(sheet.hiddenRows && { hiddenRows: [...sheet.hiddenRows] }),
  }));
  const calc = data.iterate ? { ...DEFAULT_CALC, iterate: true, iterateCount: data.iterate.count, iterateDelta: data.iterate.delta } : DEFAULT_CALC;
  const externalBooks = (data.externalBooks ?? []).map((book) => ({ sheets: book.sheets.map((sheet) => ({ name: sheet.name, cells: new Map(sheet.cells) })) }));
  const engine = new WorkbookEngine({ sheets, names: [...names], tables: [...data.tables], calc, date1904: data.date1904, externalBooks }, functions, options);
  // Formulas and names come as builders; the parser only serves text met at run time (INDIRECT).
  const trees = new Map<string, () => FormulaNode>();
  for (const name of names) trees.set(name.formula, name.build);
  for (const formula of formulas) trees.set(formula.text, formula.build);
  const host = engine.host;
  const parseText = host.parse.bind(host);
  host.parse = (text) => {
    const build = trees.get(text);
    return build ? build() : parseText(text);
  };
  const attached: [Cell, FormulaDefinition, Bounds | undefined][] = [];
  for (const formula of formulas) {
    const store = engine.store(formula.sheet);
    const pos = parseCellAddress(formula.address);
    if (!store || !pos) continue;
    const anchor = store.getOrCreate(pos.row, pos.col);
    anchor.value = formula.cached ?? null;
    const area = formula.area ? parseAreaAddress(formula.area) : undefined;
    if (area && (area.bottom > area.top || area.right > area.left)) {
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const child = store.getOrCreate(r, c);
          if (child !== anchor) child.spilledFrom = anchor;
        }
      }
      anchor.spill = area;
    }
    attached.push([anchor, formula, formula.mode === "array" ? area : undefined]);
  }
  for (const [cell, formula, area] of attached) engine.attachFormula(cell, formula.text, formula.mode, area);
  return engine;
}

export function createModel(
  data: ModelData,
  formulas: readonly FormulaDefinition[],
  names: readonly NameDefinition[],
  functions: ReadonlyMap<string, FunctionSpec>,
  options: EngineOptions = {},
): Model {
  let engine: ReturnType<typeof buildEngine> | undefined;
  const defaults = new Map<Cell, Scalar>();
  return {
    compute(values = {}) {
      const first = engine === undefined;
      engine ??= buildEngine(data, formulas, names, functions, options);
      const wanted = new Map<Cell, Scalar>();
      for (const [ref, value] of Object.entries(values)) {
        const where = splitRef(ref);
        const store = where && engine.store(where.sheet);
        const pos = where && parseCellAddress(where.address);
        if (!store || !pos) continue;
        const cell = store.getOrCreate(pos.row, pos.col);
        if (cell.formula) continue;
        if (!defaults.has(cell)) defaults.set(cell, cell.value);
        wanted.set(cell, toScalar(value));
      }
      for (const [cell, original] of defaults) engine.setValue(cell, wanted.has(cell) ? (wanted.get(cell) ?? null) : original);
      if (first) engine.recalculateAll();
      else engine.recalculate();
      const out: Record<string, JsonCellValue> = {};
      for (const store of engine.stores) {
        const cells = [...store.cells.values()].filter((cell) => cell.formula || cell.spilledFrom);
        cells.sort((a, b) => a.row - b.row || a.col - b.col);
        for (const cell of cells) out[`${store.name}!${formatCellAddress(cell.row, cell.col)}`] = toJsonValue(cell.value);
      }
      return out;
    },
  };
}
