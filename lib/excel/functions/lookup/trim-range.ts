/**
 * TRIMRANGE(range, [trim_rows], [trim_cols]) and the trim-reference operators it underlies: `A1.:.E10`,
 * `A1:.E10` and `A1.:E10` are stored as `_xlfn._TRO_ALL(A1:E10)`, `_TRO_TRAILING` and `_TRO_LEADING`.
 * Blank rows and columns are removed from the outside in (0 none, 1 leading, 2 trailing, 3 both); a
 * reference stays a reference (so SUM(A:.A) reads only the used cells), an array is trimmed of blanks.
 */
import { clipArea } from "@/lib/excel/functions/collect";
import { optionalNumber } from "@/lib/excel/functions/optional-args";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, type Area, Errors, ExcelError, isArrayValue, isReference, type Scalar, type Value } from "@/lib/excel/values";

interface Span {
  readonly first: number;
  readonly last: number;
}

function keptSpan(occupied: boolean[], mode: number): Span | undefined {
  const first = occupied.indexOf(true);
  if (first < 0) return undefined;
  const last = occupied.lastIndexOf(true);
  return { first: mode === 1 || mode === 3 ? first : 0, last: mode === 2 || mode === 3 ? last : occupied.length - 1 };
}

/** The rows and columns kept from a grid, or undefined when every cell is blank. */
function trimmedSpans(rows: Scalar[][], rowMode: number, colMode: number): { rows: Span; cols: Span } | undefined {
  const width = rows[0]?.length ?? 0;
  const rowUsed = rows.map((row) => row.some((v) => v !== null));
  const colUsed = Array.from({ length: width }, (_, c) => rows.some((row) => row[c] !== null));
  const r = keptSpan(rowUsed, rowMode);
  const c = keptSpan(colUsed, colMode);
  return r && c ? { rows: r, cols: c } : undefined;
}

function trimReference(ctx: EvalContext, area: Area, rowMode: number, colMode: number): Value {
  const clipped = clipArea(ctx, area);
  const spans = trimmedSpans(ctx.readAreaValues(clipped), rowMode, colMode);
  if (!spans) return Errors.REF;
  // Untrimmed ends keep the original extent (a whole column stays whole when trailing rows are kept).
  const bottom = rowMode === 2 || rowMode === 3 ? clipped.top + spans.rows.last : area.bottom;
  const right = colMode === 2 || colMode === 3 ? clipped.left + spans.cols.last : area.right;
  return { kind: "reference", areas: [{ sheet: area.sheet, top: clipped.top + spans.rows.first, left: clipped.left + spans.cols.first, bottom, right }] };
}

export function trimRange(ctx: EvalContext, range: Value, rowMode: number, colMode: number): Value {
  if (range instanceof ExcelError) return range;
  if (isReference(range)) {
    const [area, ...rest] = range.areas;
    if (!area || rest.length > 0) return Errors.VALUE;
    return trimReference(ctx, area, rowMode, colMode);
  }
  const rows: Scalar[][] = isArrayValue(range) ? range.rows : [[range as Scalar]];
  const spans = trimmedSpans(rows, rowMode, colMode);
  if (!spans) return Errors.REF;
  return arrayOf(rows.slice(spans.rows.first, spans.rows.last + 1).map((row) => row.slice(spans.cols.first, spans.cols.last + 1)));
}

function trimMode(value: Scalar | undefined): number | ExcelError {
  const mode = optionalNumber(value, 3);
  if (mode instanceof ExcelError) return mode;
  const whole = Math.trunc(mode);
  return whole >= 0 && whole <= 3 ? whole : Errors.VALUE;
}

const trimOperator = (name: string, mode: number): FunctionSpec => ({
  name,
  minArgs: 1,
  maxArgs: 1,
  args: ["any"],
  impl: (ctx: EvalContext, range: Value) => trimRange(ctx, range, mode, mode),
});

export const trimRangeFunctions: FunctionSpec[] = [
  {
    name: "TRIMRANGE",
    minArgs: 1,
    maxArgs: 3,
    args: ["any", "scalar", "scalar"],
    impl: (ctx: EvalContext, range: Value, rows?: Scalar, cols?: Scalar): Value => {
      const rowMode = trimMode(rows);
      if (rowMode instanceof ExcelError) return rowMode;
      const colMode = trimMode(cols);
      if (colMode instanceof ExcelError) return colMode;
      return trimRange(ctx, range, rowMode, colMode);
    },
  },
  trimOperator("_TRO_ALL", 3),
  trimOperator("_TRO_LEADING", 1),
  trimOperator("_TRO_TRAILING", 2),
];
