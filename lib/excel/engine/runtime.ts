/**
 * The evaluation context shared by every compiled formula of one engine. Evaluation never nests: a
 * formula that reads a cell which is not yet computed throws NOT_READY after recording the cell(s) in
 * `pending`; the scheduler computes them and retries (see schedule.ts). This keeps deep chains off
 * the JavaScript stack.
 */
import { selectDateSystem } from "@/lib/excel/dates";
import type { CellAddress, EvalContext } from "@/lib/excel/functions/types";
import { type Bounds, CLEAN, type Cell, ON_STACK, type SheetStore } from "@/lib/excel/engine/cell";
import { MAX_COLS } from "@/lib/excel/formula/references";
import { type Area, Errors, type Scalar, type Value } from "@/lib/excel/values";

/** Thrown (never wrapped) when a formula needs a cell that has not been computed yet. */
export const NOT_READY: { readonly notReady: true } = Object.freeze({ notReady: true });

/** A LET/LAMBDA variable frame. */
export interface Frame {
  readonly vars: Value[];
  readonly parent: Frame | null;
  readonly omitted: readonly boolean[] | null;
}

export interface RuntimeHooks {
  /** The workbook counts dates from 1904-01-01 (see dates.ts). */
  readonly date1904: boolean;
  now(): Date;
  random(): number;
  /** INDIRECT: text to a reference (or an error), in A1 or R1C1 style. */
  parseReference(text: string, a1: boolean, origin: CellAddress): Value;
}

class Origin implements CellAddress {
  sheet = "";
  row = 0;
  col = 0;
}

export class Runtime implements EvalContext {
  readonly origin = new Origin();
  originCell: Cell | null = null;
  env: Frame | null = null;
  readonly pending: Cell[] = [];
  /** While iterating a circular reference, cells on the stack are read at their current value. */
  tolerant = false;
  readonly sheetNames: string[] = [];
  private readonly sheetsByName = new Map<string, SheetStore>();
  private readonly areaCache = new WeakMap<Bounds, { grid: Scalar[][]; tick: number; maxRow: number; maxCol: number }>();

  constructor(
    readonly sheets: SheetStore[],
    private readonly hooks: RuntimeHooks,
  ) {
    for (const sheet of sheets) {
      this.sheetNames.push(sheet.name);
      this.sheetsByName.set(sheet.name.toUpperCase(), sheet);
    }
  }

  sheetByName(name: string): SheetStore | undefined {
    return this.sheetsByName.get(name.toUpperCase());
  }

  setOrigin(cell: Cell): void {
    selectDateSystem(this.hooks.date1904);
    this.originCell = cell;
    this.origin.sheet = cell.sheet.name;
    this.origin.row = cell.row;
    this.origin.col = cell.col;
    this.env = null;
  }

  private demand(cell: Cell): boolean {
    if (this.tolerant && cell.state === ON_STACK) return false;
    this.pending.push(cell);
    return true;
  }

  readCell(store: SheetStore, row: number, col: number): Scalar {
    const cell = store.cells.get(row * MAX_COLS + col);
    if (cell === undefined) return null;
    if (cell.state !== CLEAN && this.demand(cell)) throw NOT_READY;
    const from = cell.spilledFrom;
    if (from !== null && from.state !== CLEAN && this.demand(from)) throw NOT_READY;
    return cell.value;
  }

  /**
   * Values of a rectangle. Rows and columns beyond the workbook's used extent (all sheets) are not
   * materialised, so whole-column references stay cheap and keep equal shapes across sheets.
   */
  readArea(store: SheetStore, top: number, left: number, bottom: number, right: number): Scalar[][] {
    const lastRow = Math.min(bottom, Math.max(store.extent.maxRow, top));
    const lastCol = Math.min(right, Math.max(store.extent.maxCol, left));
    const height = lastRow - top + 1;
    const width = lastCol - left + 1;
    const rows: Scalar[][] = new Array<Scalar[]>(height);
    let missing = false;
    if (height * width > 4 * store.cells.size + 64) {
      for (let r = 0; r < height; r++) rows[r] = new Array<Scalar>(width).fill(null);
      for (const cell of store.cells.values()) {
        if (cell.row < top || cell.row > lastRow || cell.col < left || cell.col > lastCol) continue;
        missing = this.take(cell, rows, top, left) || missing;
      }
    } else {
      for (let r = 0; r < height; r++) {
        const row = new Array<Scalar>(width);
        const base = (top + r) * MAX_COLS + left;
        for (let c = 0; c < width; c++) {
          const cell = store.cells.get(base + c);
          if (cell === undefined) {
            row[c] = null;
            continue;
          }
          if (cell.state !== CLEAN || (cell.spilledFrom !== null && cell.spilledFrom.state !== CLEAN)) {
            missing = this.demandInArea(cell) || missing;
          }
          row[c] = cell.value;
        }
        rows[r] = row;
      }
    }
    if (missing) throw NOT_READY;
    return rows;
  }

  private take(cell: Cell, rows: Scalar[][], top: number, left: number): boolean {
    let missing = false;
    if (cell.state !== CLEAN || (cell.spilledFrom !== null && cell.spilledFrom.state !== CLEAN)) {
      missing = this.demandInArea(cell);
    }
    (rows[cell.row - top] as Scalar[])[cell.col - left] = cell.value;
    return missing;
  }

  private demandInArea(cell: Cell): boolean {
    let missing = false;
    if (cell.state !== CLEAN) missing = this.demand(cell);
    const from = cell.spilledFrom;
    if (from !== null && from.state !== CLEAN) missing = this.demand(from) || missing;
    return missing;
  }

  /**
   * `readArea` memoised per area object (references compiled from formula text keep one object each):
   * valid while no column of the area changed and the used extent did not grow. Callers must not
   * mutate the returned rows.
   */
  readAreaShared(store: SheetStore, area: Bounds): Scalar[][] {
    const extent = store.extent;
    const hit = this.areaCache.get(area);
    const lastCol = Math.min(area.right, extent.maxCol);
    if (hit && hit.maxRow === extent.maxRow && hit.maxCol === extent.maxCol && store.unchangedSince(area.left, lastCol, hit.tick)) {
      return hit.grid;
    }
    const tick = extent.clock;
    const grid = this.readArea(store, area.top, area.left, area.bottom, area.right);
    this.areaCache.set(area, { grid, tick, maxRow: extent.maxRow, maxCol: extent.maxCol });
    return grid;
  }

  readAreaValues(area: Area): Scalar[][] {
    const store = this.sheetByName(area.sheet);
    if (!store) return [[Errors.REF]];
    return this.readAreaShared(store, area);
  }

  parseReference(text: string, a1: boolean): Value {
    return this.hooks.parseReference(text, a1, this.origin);
  }

  sheetBounds(sheet: string): { rows: number; cols: number } | undefined {
    const store = this.sheetByName(sheet);
    return store ? { rows: store.maxRow + 1, cols: store.maxCol + 1 } : undefined;
  }

  isRowHidden(sheet: string, row: number): boolean {
    return this.sheetByName(sheet)?.hiddenRows.has(row) ?? false;
  }

  formulaAt(sheet: string, row: number, col: number): string | undefined {
    const formula = this.sheetByName(sheet)?.get(row, col)?.formula;
    return formula ? `=${formula.text}` : undefined;
  }

  now(): Date {
    return this.hooks.now();
  }

  random(): number {
    return this.hooks.random();
  }
}
