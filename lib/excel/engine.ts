/**
 * Public API of the spreadsheet engine (isomorphic; runs on the server and in the browser).
 *
 *   const workbook = loadWorkbook(bytes, { fileName: "book.xlsx" });   // lib/excel/workbook/load-workbook.ts
 *   const engine = createEngine(workbook, { now, random });
 *   engine.recalculateAll();                      // every formula from scratch (cached values ignored)
 *   engine.getValue("Sheet1!B2");                 // Scalar: number | string | boolean | null | ExcelError
 *   engine.setCellValue("Sheet1!A1", 42);         // or setCellFormula("Sheet1!A2", "=A1*2")
 *   engine.recalculate();                         // only what the edits reach (plus volatile cells);
 *                                                 // returns the cells whose values changed
 *   engine.formulaCells();                        // ["Sheet1!B2", ...] formula anchors
 *   engine.computedCells();                       // anchors plus the cells their arrays fill
 *
 * References are "Sheet1!A1", "'My sheet'!B2" or "A1" (first sheet). The cached values saved in the
 * file stay on the workbook model (`workbook.sheets[i].cells.get("B2").value`). Functions come from
 * functions/registry.ts; unknown functions evaluate to #NAME? (see analyse/list-unknown-functions.ts).
 * Circular references keep their last value (0 when new) unless the workbook enables iterative calculation.
 */
import type { Cell } from "@/lib/excel/engine/cell";
import { type EngineOptions, WorkbookEngine } from "@/lib/excel/engine/workbook-engine";
import { formatCellAddress, parseCellAddress, quoteSheetName, splitSheetAddress } from "@/lib/excel/formula/references";
import { FUNCTIONS } from "@/lib/excel/functions/registry";
import type { Workbook } from "@/lib/excel/workbook/model";
import type { Scalar } from "@/lib/excel/values";

export type { EngineOptions };

export class EngineReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EngineReferenceError";
  }
}

export interface ChangedCell {
  readonly ref: string;
  readonly value: Scalar;
}

export interface Engine {
  recalculateAll(): void;
  recalculate(): ChangedCell[];
  setCellValue(ref: string, value: Scalar): void;
  /** Formula text with or without the leading "="; entered as a dynamic-array formula. */
  setCellFormula(ref: string, formula: string): void;
  getValue(ref: string): Scalar;
  /** The values a formula at `ref` fills (its spill or array area), or undefined when it fills one cell. */
  getSpill(ref: string): Scalar[][] | undefined;
  /** The formula text (with "=") at a reference, if any. */
  getFormula(ref: string): string | undefined;
  formulaCells(): string[];
  computedCells(): string[];
  /** Every formula cell and every cell an array formula fills, with sheet name, A1 address and value. */
  computedValues(): { sheet: string; address: string; value: Scalar }[];
  /** Unknown function names used by the workbook's formulas. */
  unknownFunctions(): string[];
  /** Formula evaluations performed so far (for tests and benchmarks). */
  readonly evaluations: number;
}

export function cellRef(cell: Cell): string {
  return `${quoteSheetName(cell.sheet.name)}!${formatCellAddress(cell.row, cell.col)}`;
}

export function createEngine(workbook: Workbook, options: EngineOptions = {}): Engine {
  const core = new WorkbookEngine(workbook, options.functions ?? FUNCTIONS, options);
  const locate = (ref: string): Cell => {
    const { sheet, address } = splitSheetAddress(ref.trim());
    const store = core.store(sheet);
    if (!store) throw new EngineReferenceError(`Unknown sheet "${sheet ?? ""}" in ${ref}`);
    const pos = parseCellAddress(address);
    if (!pos) throw new EngineReferenceError(`Bad cell reference "${ref}"`);
    return store.getOrCreate(pos.row, pos.col);
  };
  const peek = (ref: string): Cell | undefined => {
    const { sheet, address } = splitSheetAddress(ref.trim());
    const store = core.store(sheet);
    if (!store) throw new EngineReferenceError(`Unknown sheet "${sheet ?? ""}" in ${ref}`);
    const pos = parseCellAddress(address);
    if (!pos) throw new EngineReferenceError(`Bad cell reference "${ref}"`);
    return store.get(pos.row, pos.col);
  };
  return {
    recalculateAll: () => core.recalculateAll(),
    recalculate: () => [...core.recalculate()].map((cell) => ({ ref: cellRef(cell), value: cell.value })),
    setCellValue: (ref, value) => core.setValue(locate(ref), value),
    setCellFormula: (ref, formula) => core.setFormula(locate(ref), formula.startsWith("=") ? formula.slice(1) : formula),
    getValue: (ref) => {
      if (core.scheduler.hasWork()) core.run();
      return peek(ref)?.value ?? null;
    },
    getSpill: (ref) => {
      if (core.scheduler.hasWork()) core.run();
      const cell = peek(ref);
      const area = cell?.formula ? cell.spill : null;
      if (!cell || !area) return undefined;
      const rows: Scalar[][] = [];
      for (let r = area.top; r <= area.bottom; r++) {
        const row: Scalar[] = [];
        for (let c = area.left; c <= area.right; c++) row.push(cell.sheet.get(r, c)?.value ?? null);
        rows.push(row);
      }
      return rows;
    },
    getFormula: (ref) => {
      const formula = peek(ref)?.formula;
      return formula ? `=${formula.text}` : undefined;
    },
    formulaCells: () => [...core.formulaCells].map(cellRef),
    computedCells: () => {
      const out: string[] = [];
      for (const store of core.stores) {
        for (const cell of store.cells.values()) if (cell.formula || cell.spilledFrom) out.push(cellRef(cell));
      }
      return out;
    },
    computedValues: () => {
      if (core.scheduler.hasWork()) core.run();
      const out: { sheet: string; address: string; value: Scalar }[] = [];
      for (const store of core.stores) {
        const cells = [...store.cells.values()].filter((cell) => cell.formula || cell.spilledFrom);
        cells.sort((a, b) => a.row - b.row || a.col - b.col);
        for (const cell of cells) out.push({ sheet: store.name, address: formatCellAddress(cell.row, cell.col), value: cell.value });
      }
      return out;
    },
    unknownFunctions: () => {
      const names = new Set<string>();
      for (const cell of core.formulaCells) for (const name of cell.formula?.unknownFunctions ?? []) names.add(name);
      return [...names].sort();
    },
    get evaluations() {
      return core.scheduler.evaluations;
    },
  };
}
