/** Engine-internal cell and sheet storage. Positions are 0-based; a sheet's cells are keyed by row * MAX_COLS + col. */
import { MAX_COLS } from "@/lib/excel/formula/references";
import type { Scalar, Value } from "@/lib/excel/values";

export const CLEAN = 0;
export const DIRTY = 1;
export const ON_STACK = 2;
export type CellState = typeof CLEAN | typeof DIRTY | typeof ON_STACK;

/** Bounds of a rectangle on one sheet (0-based, inclusive). */
export interface Bounds {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A dependency of a formula: a rectangle on a sheet (a single cell is a 1x1 rectangle). */
export interface DepArea extends Bounds {
  readonly sheet: SheetStore;
}

export type EvalFn = () => Value;

/** How a formula's result reaches the grid. */
export type FormulaMode =
  /** Pre-dynamic-array formula: implicit intersection, an array result shows its top-left element. */
  | "legacy"
  /** Dynamic-array formula: array results spill. */
  | "dynamic"
  /** Array (CSE) formula over a fixed area. */
  | "array";

export interface CompiledFormula {
  /** Formula text without the leading "=". */
  readonly text: string;
  readonly fn: EvalFn;
  readonly deps: readonly DepArea[];
  readonly volatile: boolean;
  readonly mode: FormulaMode;
  /** For "array" mode: the area the formula fills. */
  readonly arrayArea: Bounds | undefined;
  readonly unknownFunctions: readonly string[];
  readonly syntaxError: boolean;
  /** Reads another workbook (`[1]Sheet1!A1`), which the engine cannot evaluate. */
  readonly external: boolean;
}

export class Cell {
  value: Scalar = null;
  formula: CompiledFormula | null = null;
  state: CellState = CLEAN;
  /** Cells this formula currently fills besides itself (spill or array area), anchor included. */
  spill: Bounds | null = null;
  /** Set on the cells a spilling or array formula fills. */
  spilledFrom: Cell | null = null;
  /** While on the evaluation stack: the cell that asked for this one (to trace a cycle). */
  waiter: Cell | null = null;

  constructor(
    readonly sheet: SheetStore,
    readonly row: number,
    readonly col: number,
  ) {}
}

/** The largest used row and column over all sheets; whole-column/row references are clipped to it. */
export interface Extent {
  maxRow: number;
  maxCol: number;
  /** Ticks on every value write or dirty mark; column stamps record the tick of their last change. */
  clock: number;
}

export class SheetStore {
  readonly cells = new Map<number, Cell>();
  maxRow = -1;
  maxCol = -1;
  /** Per column: the clock tick of the last change (value write or dirty mark) in it. */
  readonly columnStamps = new Uint32Array(MAX_COLS);

  constructor(
    readonly name: string,
    readonly index: number,
    readonly extent: Extent,
    readonly hiddenRows: ReadonlySet<number> = new Set(),
  ) {}

  get(row: number, col: number): Cell | undefined {
    return this.cells.get(row * MAX_COLS + col);
  }

  getOrCreate(row: number, col: number): Cell {
    const key = row * MAX_COLS + col;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = new Cell(this, row, col);
      this.cells.set(key, cell);
      if (row > this.maxRow) this.maxRow = row;
      if (col > this.maxCol) this.maxCol = col;
      if (row > this.extent.maxRow) this.extent.maxRow = row;
      if (col > this.extent.maxCol) this.extent.maxCol = col;
    }
    return cell;
  }

  delete(cell: Cell): void {
    this.cells.delete(cell.row * MAX_COLS + cell.col);
  }

  /** Records that values in columns left..right may have changed (invalidates cached area reads). */
  touch(left: number, right: number = left): void {
    const tick = ++this.extent.clock;
    for (let c = left; c <= right; c++) this.columnStamps[c] = tick;
  }

  /** True when no column in left..right changed after `tick`. */
  unchangedSince(left: number, right: number, tick: number): boolean {
    for (let c = left; c <= right; c++) if ((this.columnStamps[c] as number) > tick) return false;
    return true;
  }
}

/** Is this cell occupied for spilling purposes (a value, a formula, or another formula's spill)? */
export function blocksSpill(cell: Cell | undefined, anchor: Cell): boolean {
  if (!cell || cell === anchor) return false;
  if (cell.formula) return true;
  if (cell.spilledFrom) return cell.spilledFrom !== anchor;
  return cell.value !== null;
}

