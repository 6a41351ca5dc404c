/** Writes a formula's result to the grid: a single value, a dynamic-array spill (or #SPILL!), or an array formula's area. */
import { toSingleScalar } from "@/lib/excel/compile/deref";
import { broadcastAt } from "@/lib/excel/compile/operators";
import { blocksSpill, type Bounds, type Cell } from "@/lib/excel/engine/cell";
import type { Runtime } from "@/lib/excel/engine/runtime";
import { MAX_COLS, MAX_ROWS } from "@/lib/excel/formula/references";
import { Errors, isArrayValue, isLambda, type Scalar, type Value } from "@/lib/excel/values";

/** Called for every grid position whose value changed. */
export type ChangeListener = (cell: Cell) => void;

/** A formula never shows a blank: a blank result is 0. */
export function normalizeResult(v: Scalar | undefined): Scalar {
  return v === null || v === undefined ? 0 : v;
}

function setValue(cell: Cell, value: Scalar, onChange: ChangeListener): void {
  if (cell.value !== value) {
    cell.value = value;
    cell.sheet.touch(cell.col);
    onChange(cell);
  }
}

function inside(b: Bounds | null, row: number, col: number): boolean {
  return b !== null && row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

/** Removes the cells a formula filled outside `keep`. */
export function clearSpill(anchor: Cell, keep: Bounds | null, onChange: ChangeListener): void {
  const old = anchor.spill;
  if (!old) return;
  const store = anchor.sheet;
  for (let r = old.top; r <= old.bottom; r++) {
    for (let c = old.left; c <= old.right; c++) {
      if ((r === anchor.row && c === anchor.col) || inside(keep, r, c)) continue;
      const child = store.get(r, c);
      if (child && child.spilledFrom === anchor) {
        store.delete(child);
        store.touch(c);
        if (child.value !== null) {
          child.value = null;
          onChange(child);
        }
      }
    }
  }
  anchor.spill = null;
}

function fill(anchor: Cell, area: Bounds, rows: Scalar[][] | null, scalar: Scalar, onChange: ChangeListener): void {
  clearSpill(anchor, area, onChange);
  const store = anchor.sheet;
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      const value = normalizeResult(rows ? broadcastAt(rows, r - area.top, c - area.left) : scalar);
      if (r === anchor.row && c === anchor.col) {
        setValue(anchor, value, onChange);
        continue;
      }
      const child = store.getOrCreate(r, c);
      if (child.spilledFrom !== anchor) {
        child.spilledFrom = anchor;
        store.touch(c);
      }
      setValue(child, value, onChange);
    }
  }
  anchor.spill = area;
}

export function commitResult(rt: Runtime, cell: Cell, result: Value, onChange: ChangeListener): void {
  const formula = cell.formula;
  if (!formula) return;
  if (isLambda(result)) result = Errors.CALC;
  if (formula.mode === "array" && formula.arrayArea) {
    const rows = isArrayValue(result) ? result.rows : null;
    fill(cell, formula.arrayArea, rows, rows ? null : toSingleScalar(rt, result), onChange);
    return;
  }
  if (formula.mode === "dynamic" && isArrayValue(result)) {
    const rows = result.rows;
    const height = rows.length;
    const width = rows[0]?.length ?? 0;
    if (height > 1 || width > 1) {
      const area = { top: cell.row, left: cell.col, bottom: cell.row + height - 1, right: cell.col + width - 1 };
      if (area.bottom >= MAX_ROWS || area.right >= MAX_COLS || isBlocked(cell, area)) {
        clearSpill(cell, null, onChange);
        setValue(cell, Errors.SPILL, onChange);
        return;
      }
      fill(cell, area, rows, null, onChange);
      return;
    }
  }
  clearSpill(cell, null, onChange);
  setValue(cell, normalizeResult(toSingleScalar(rt, result)), onChange);
}

function isBlocked(anchor: Cell, area: Bounds): boolean {
  const store = anchor.sheet;
  if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > store.cells.size * 2) {
    for (const cell of store.cells.values()) {
      if (inside(area, cell.row, cell.col) && blocksSpill(cell, anchor)) return true;
    }
    return false;
  }
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) if (blocksSpill(store.get(r, c), anchor)) return true;
  }
  return false;
}
