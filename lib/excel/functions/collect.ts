/**
 * Reading function arguments the way Excel's aggregate functions do: references and arrays are
 * flattened (text and booleans in them are skipped by SUM-like functions), direct scalar arguments are
 * coerced, and errors propagate in argument order.
 */
import { toNumber } from "@/lib/excel/coerce";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { type Area, Errors, ExcelError, isArrayValue, isLambda, isReference, type Scalar, type Value } from "@/lib/excel/values";

/** An area clipped to the sheet's used range, so whole-column references stay cheap. */
export function clipArea(ctx: EvalContext, area: Area): Area {
  const bounds = ctx.sheetBounds(area.sheet);
  if (!bounds) return area;
  const bottom = Math.min(area.bottom, Math.max(bounds.rows - 1, area.top));
  const right = Math.min(area.right, Math.max(bounds.cols - 1, area.left));
  return { ...area, bottom, right };
}

/** Values of an area, clipped to the used range. */
export function readArea(ctx: EvalContext, area: Area): Scalar[][] {
  return ctx.readAreaValues(clipArea(ctx, area));
}

/** An argument as one rectangular grid: a single-area reference, an array, or a scalar as 1x1. */
export function toGrid(ctx: EvalContext, value: Value): Scalar[][] | ExcelError {
  if (isReference(value)) {
    const [area] = value.areas;
    if (!area || value.areas.length > 1) return Errors.VALUE;
    return readArea(ctx, area);
  }
  if (isArrayValue(value)) return value.rows;
  if (isLambda(value)) return Errors.VALUE;
  return [[value]];
}

/** Like toGrid, but without clipping: the full shape of the reference (for paired ranges). */
export function toFullGrid(ctx: EvalContext, value: Value): Scalar[][] | ExcelError {
  if (isReference(value)) {
    const [area] = value.areas;
    if (!area || value.areas.length > 1) return Errors.VALUE;
    return ctx.readAreaValues(area);
  }
  return toGrid(ctx, value);
}

/** Is the argument a reference or array (whose text and booleans aggregate functions skip)? */
export function isRangeLike(value: Value): boolean {
  return isReference(value) || isArrayValue(value);
}

/** Every scalar of an argument, row-major, over all areas of a reference. */
export function flattenValue(ctx: EvalContext, value: Value): Scalar[] {
  if (isReference(value)) return value.areas.flatMap((area) => readArea(ctx, area).flat());
  if (isArrayValue(value)) return value.rows.flat();
  if (isLambda(value)) return [Errors.VALUE];
  return [value];
}

export interface CollectOptions {
  /** In references and arrays: booleans count as 1/0 and text as 0 (the *A functions). */
  readonly textAndBooleansInRanges?: boolean;
  /** Errors inside references are skipped instead of propagated (AGGREGATE options). */
  readonly skipErrors?: boolean;
  /** A text argument written directly is #VALUE!, even numeric text (the MODE family). */
  readonly directTextIsError?: boolean;
}

/** Numbers from aggregate-function arguments, or the first error met. */
export function collectNumbers(ctx: EvalContext, args: readonly Value[], options: CollectOptions = {}): number[] | ExcelError {
  const numbers: number[] = [];
  for (const arg of args) {
    if (arg === undefined) continue;
    if (isRangeLike(arg)) {
      for (const v of flattenValue(ctx, arg)) {
        if (typeof v === "number") numbers.push(v);
        else if (v instanceof ExcelError) {
          if (!options.skipErrors) return v;
        } else if (options.textAndBooleansInRanges) {
          if (typeof v === "boolean") numbers.push(v ? 1 : 0);
          else if (typeof v === "string") numbers.push(0);
        }
      }
    } else if (isLambda(arg)) {
      return Errors.VALUE;
    } else {
      if (options.directTextIsError && typeof arg === "string") return Errors.VALUE;
      const n = toNumber(arg as Scalar);
      if (n instanceof ExcelError) return n;
      numbers.push(n);
    }
  }
  return numbers;
}

/** A numeric result, mapping NaN and infinities to #NUM!. */
export function numResult(n: number): number | ExcelError {
  return Number.isFinite(n) ? n : Errors.NUM;
}

/** The first error among scalars, if any. */
export function firstError(values: readonly Scalar[]): ExcelError | undefined {
  for (const v of values) if (v instanceof ExcelError) return v;
  return undefined;
}

/** Applies `fn` to each cell of a grid, producing an array value's rows. */
export function mapGrid<T>(grid: Scalar[][], fn: (v: Scalar, r: number, c: number) => T): T[][] {
  return grid.map((row, r) => row.map((v, c) => fn(v, r, c)));
}

interface GridSource {
  readonly area?: Area;
  readonly rows?: Scalar[][];
  readonly height: number;
  readonly width: number;
}

function gridSource(value: Value): GridSource | ExcelError {
  if (isReference(value)) {
    const [area] = value.areas;
    if (!area || value.areas.length > 1) return Errors.VALUE;
    return { area, height: area.bottom - area.top + 1, width: area.right - area.left + 1 };
  }
  if (isArrayValue(value)) return { rows: value.rows, height: value.rows.length, width: value.rows[0]?.length ?? 0 };
  if (isLambda(value)) return Errors.VALUE;
  return { rows: [[value]], height: 1, width: 1 };
}

/**
 * Grids of several same-shaped arguments (SUMIFS, SUMPRODUCT...), read over a common extent clipped to
 * the used ranges so whole-column references stay cheap. #VALUE! when the shapes differ.
 */
export function readPairedGrids(ctx: EvalContext, values: readonly Value[]): Scalar[][][] | ExcelError {
  const sources: GridSource[] = [];
  for (const value of values) {
    const source = gridSource(value);
    if (source instanceof ExcelError) return source;
    sources.push(source);
  }
  const first = sources[0];
  if (!first) return [];
  if (sources.some((s) => s.height !== first.height || s.width !== first.width)) return Errors.VALUE;
  let height = first.height;
  let width = first.width;
  if (sources.every((s) => s.area)) {
    let usedRows = 0;
    let usedCols = 0;
    for (const { area } of sources) {
      const bounds = ctx.sheetBounds((area as Area).sheet);
      usedRows = Math.max(usedRows, bounds ? bounds.rows - (area as Area).top : height);
      usedCols = Math.max(usedCols, bounds ? bounds.cols - (area as Area).left : width);
    }
    height = Math.max(0, Math.min(height, usedRows));
    width = Math.max(0, Math.min(width, usedCols));
  }
  if (height === 0 || width === 0) return sources.map(() => []);
  return sources.map((s) => {
    if (!s.area) return s.rows as Scalar[][];
    const area = { ...s.area, bottom: s.area.top + height - 1, right: s.area.left + width - 1 };
    return ctx.readAreaValues(area);
  });
}

/** A reference re-anchored at its top-left corner with another shape (SUMIF's sum_range rule). */
export function resizeLike(value: Value, like: Value): Value {
  if (!isReference(value) || !isReference(like)) return value;
  const [area] = value.areas;
  const [shape] = like.areas;
  if (!area || !shape) return value;
  return {
    kind: "reference",
    areas: [{ ...area, bottom: area.top + shape.bottom - shape.top, right: area.left + shape.right - shape.left }],
  };
}

/** The scalar (or array of scalars) an argument holds: a single cell, an array, or a multi-cell reference. */
export function scalarOrGrid(ctx: EvalContext, value: Value): Scalar | Scalar[][] {
  if (isReference(value)) {
    const [area] = value.areas;
    if (area && value.areas.length === 1 && area.top === area.bottom && area.left === area.right) {
      return ctx.readAreaValues(area)[0]?.[0] ?? null;
    }
    return toGrid(ctx, value);
  }
  if (isArrayValue(value)) return value.rows.length === 1 && value.rows[0]?.length === 1 ? (value.rows[0][0] ?? null) : value.rows;
  if (isLambda(value)) return Errors.VALUE;
  return value;
}

/** A variadic function of all its arguments' values as `collect` gathers them; an error from `collect` is the result. */
export function collectingSpec<T>(
  name: string,
  collect: (ctx: EvalContext, args: Value[]) => T[] | ExcelError,
  reduce: (values: T[]) => Value,
): FunctionSpec {
  return {
    name,
    minArgs: 1,
    maxArgs: 255,
    args: ["any"],
    impl: (ctx: EvalContext, ...args: Value[]) => {
      const values = collect(ctx, args);
      return values instanceof ExcelError ? values : reduce(values);
    },
  };
}
