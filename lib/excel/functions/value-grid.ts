/** Helpers for functions that work on whole arrays and references (lookup, dynamic arrays). */
import type { EvalContext, RangeArg } from "@/lib/excel/functions/types";
import { arrayOf, Errors, type ExcelError, isArrayValue, isLambda, isReference, type Area, type Scalar, type Value } from "@/lib/excel/values";

export const SHEET_ROWS = 1_048_576;
export const SHEET_COLS = 16_384;

/** The values of a value as a grid: a single-area reference is read, a scalar is a 1x1 grid. */
export function toGrid(ctx: EvalContext, value: Value): Scalar[][] | ExcelError {
  if (isReference(value)) {
    const [area, ...rest] = value.areas;
    if (!area || rest.length > 0) return Errors.VALUE;
    return ctx.readAreaValues(area);
  }
  if (isArrayValue(value)) return value.rows;
  if (isLambda(value)) return Errors.CALC;
  return [[value]];
}

export function gridHeight(grid: Scalar[][]): number {
  return grid.length;
}

export function gridWidth(grid: Scalar[][]): number {
  return grid[0]?.length ?? 0;
}

export function cellAt(grid: Scalar[][], row: number, col: number): Scalar {
  return grid[row]?.[col] ?? null;
}

const columnCache = new WeakMap<Scalar[][], Scalar[]>();

/**
 * The first column of a grid. Memoised per grid: the engine hands out the same grid object for an
 * unchanged range, so repeated lookups into one table share the column (and its search index).
 */
export function firstColumn(grid: Scalar[][]): Scalar[] {
  let column = columnCache.get(grid);
  if (!column) {
    column = grid.map((row) => row[0] ?? null);
    columnCache.set(grid, column);
  }
  return column;
}

/** A 1-D view of a grid that is a single row or column; undefined for a 2-D grid. */
export function toVector(grid: Scalar[][]): Scalar[] | undefined {
  if (grid.length === 1) return grid[0] ?? [];
  if (gridWidth(grid) === 1) return firstColumn(grid);
  return undefined;
}

export function transposeGrid(grid: Scalar[][]): Scalar[][] {
  const width = gridWidth(grid);
  const out: Scalar[][] = [];
  for (let c = 0; c < width; c++) out.push(grid.map((row) => row[c] ?? null));
  return out;
}

/** A sub-area of an area; offsets are 0-based and relative to the area's top-left. */
export function subArea(area: Area, top: number, left: number, height: number, width: number): Area {
  return {
    sheet: area.sheet,
    top: area.top + top,
    left: area.left + left,
    bottom: area.top + top + height - 1,
    right: area.left + left + width - 1,
  };
}

export function areaHeight(area: Area): number {
  return area.bottom - area.top + 1;
}

export function areaWidth(area: Area): number {
  return area.right - area.left + 1;
}

/** A result grid as a value: a 1x1 grid collapses to its scalar. */
export function gridValue(grid: Scalar[][]): Value {
  if (grid.length === 1 && grid[0]?.length === 1) return grid[0][0] ?? null;
  return arrayOf(grid);
}

/**
 * The part of a range argument at (top, left, height, width): a reference when the argument was a
 * single-area reference (so SUM(XLOOKUP(...)) and A1:INDEX(...) work), else an array or scalar.
 */
export function sliceRange(arg: RangeArg, top: number, left: number, height: number, width: number): Value {
  const area = arg.areas?.length === 1 ? arg.areas[0] : undefined;
  if (area) return { kind: "reference", areas: [subArea(area, top, left, height, width)] };
  const rows = arg.rows.slice(top, top + height).map((row) => row.slice(left, left + width));
  return gridValue(rows);
}

export function fillGrid(height: number, width: number, fill: (row: number, col: number) => Scalar): Scalar[][] {
  const out: Scalar[][] = [];
  for (let r = 0; r < height; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < width; c++) row.push(fill(r, c));
    out.push(row);
  }
  return out;
}
