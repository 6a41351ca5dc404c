/**
 * Reverse dependency index: which formula cells read a given position. Single-cell dependencies are a
 * hash lookup to a small array (most cells have one or two readers, and a Set per cell costs far more
 * memory); range dependencies are kept once per distinct rectangle (shared by every formula that
 * reads it) and bucketed by column, so a huge range is one entry, never one edge per cell.
 */
import type { Cell, DepArea } from "@/lib/excel/engine/cell";
import { MAX_COLS } from "@/lib/excel/formula/references";

interface RangeEntry {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly dependents: Set<Cell>;
}

/** Ranges wider than this many columns live in one list scanned for every query. */
const BUCKETED_MAX_WIDTH = 16;

class SheetIndex {
  readonly cells = new Map<number, Cell[]>();
  readonly ranges = new Map<string, RangeEntry>();
  readonly columns = new Map<number, RangeEntry[]>();
  readonly wide: RangeEntry[] = [];
}

export class DependentsIndex {
  private readonly sheets = new Map<number, SheetIndex>();

  private sheetIndex(sheet: number): SheetIndex {
    let index = this.sheets.get(sheet);
    if (!index) {
      index = new SheetIndex();
      this.sheets.set(sheet, index);
    }
    return index;
  }

  add(cell: Cell, deps: readonly DepArea[]): void {
    for (const dep of deps) {
      const index = this.sheetIndex(dep.sheet.index);
      if (dep.top === dep.bottom && dep.left === dep.right) {
        const key = dep.top * MAX_COLS + dep.left;
        const readers = index.cells.get(key);
        if (!readers) index.cells.set(key, [cell]);
        // A formula's own repeated reads of a cell arrive together, so the last entry catches them.
        else if (readers[readers.length - 1] !== cell) readers.push(cell);
        continue;
      }
      const key = `${dep.top},${dep.left},${dep.bottom},${dep.right}`;
      let entry = index.ranges.get(key);
      if (!entry) {
        entry = { top: dep.top, left: dep.left, bottom: dep.bottom, right: dep.right, dependents: new Set() };
        index.ranges.set(key, entry);
        if (dep.right - dep.left + 1 > BUCKETED_MAX_WIDTH) index.wide.push(entry);
        else {
          for (let c = dep.left; c <= dep.right; c++) {
            let bucket = index.columns.get(c);
            if (!bucket) {
              bucket = [];
              index.columns.set(c, bucket);
            }
            bucket.push(entry);
          }
        }
      }
      entry.dependents.add(cell);
    }
  }

  remove(cell: Cell, deps: readonly DepArea[]): void {
    for (const dep of deps) {
      const index = this.sheets.get(dep.sheet.index);
      if (!index) continue;
      if (dep.top === dep.bottom && dep.left === dep.right) {
        const key = dep.top * MAX_COLS + dep.left;
        const readers = index.cells.get(key);
        const at = readers ? readers.indexOf(cell) : -1;
        if (!readers || at < 0) continue;
        if (readers.length === 1) index.cells.delete(key);
        else readers.splice(at, 1);
      } else {
        index.ranges.get(`${dep.top},${dep.left},${dep.bottom},${dep.right}`)?.dependents.delete(cell);
      }
    }
  }

  /** Calls `visit` for every formula cell that reads (sheet, row, col). */
  forEachDependent(sheet: number, row: number, col: number, visit: (cell: Cell) => void): void {
    const index = this.sheets.get(sheet);
    if (!index) return;
    const direct = index.cells.get(row * MAX_COLS + col);
    if (direct) for (const cell of direct) visit(cell);
    const bucket = index.columns.get(col);
    if (bucket) {
      for (const entry of bucket) {
        if (row >= entry.top && row <= entry.bottom) for (const cell of entry.dependents) visit(cell);
      }
    }
    for (const entry of index.wide) {
      if (row >= entry.top && row <= entry.bottom && col >= entry.left && col <= entry.right) {
        for (const cell of entry.dependents) visit(cell);
      }
    }
  }
}
