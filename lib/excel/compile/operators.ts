/** Excel's operators on scalars, and their element-wise lifting over arrays (broadcasting). */
import { compareScalars, toNumber, toText } from "@/lib/excel/coerce";
import type { BinaryOperator } from "@/lib/excel/formula/ast";
import { arrayOf, Errors, ExcelError, isArrayValue, type Scalar, type Value } from "@/lib/excel/values";

export type ScalarOp = (a: Scalar, b: Scalar) => Scalar;

function finite(n: number): Scalar {
  return Number.isFinite(n) ? n : Errors.NUM;
}

/** Excel snaps a sum or difference that cancels to within the last bits of its operands to exactly zero. */
function snapCancellation(result: number, a: number, b: number): number {
  if (result !== 0 && Math.abs(result) < Math.max(Math.abs(a), Math.abs(b)) * 2.3e-16 * 4) return 0;
  return result;
}

function arithmetic(apply: (x: number, y: number) => Scalar): ScalarOp {
  return (a, b) => {
    const x = typeof a === "number" ? a : toNumber(a);
    if (x instanceof ExcelError) return x;
    const y = typeof b === "number" ? b : toNumber(b);
    if (y instanceof ExcelError) return y;
    return apply(x, y);
  };
}

function comparison(test: (order: number) => boolean): ScalarOp {
  return (a, b) => {
    if (a instanceof ExcelError) return a;
    if (b instanceof ExcelError) return b;
    return test(compareScalars(a, b));
  };
}

export const SCALAR_OPS: Record<BinaryOperator, ScalarOp> = {
  "+": arithmetic((x, y) => finite(snapCancellation(x + y, x, y))),
  "-": arithmetic((x, y) => finite(snapCancellation(x - y, x, y))),
  "*": arithmetic((x, y) => finite(x * y)),
  "/": arithmetic((x, y) => (y === 0 ? Errors.DIV0 : finite(x / y))),
  "^": arithmetic((x, y) => {
    if (x === 0 && y === 0) return Errors.NUM;
    if (x === 0 && y < 0) return Errors.DIV0;
    const r = x ** y;
    return Number.isNaN(r) || !Number.isFinite(r) ? Errors.NUM : r;
  }),
  "&": (a, b) => {
    const x = toText(a);
    if (x instanceof ExcelError) return x;
    const y = toText(b);
    if (y instanceof ExcelError) return y;
    return x + y;
  },
  "=": comparison((o) => o === 0),
  "<>": comparison((o) => o !== 0),
  "<": comparison((o) => o < 0),
  ">": comparison((o) => o > 0),
  "<=": comparison((o) => o <= 0),
  ">=": comparison((o) => o >= 0),
};

export function negate(a: Scalar): Scalar {
  const x = typeof a === "number" ? a : toNumber(a);
  return x instanceof ExcelError ? x : -x;
}

export function percent(a: Scalar): Scalar {
  const x = typeof a === "number" ? a : toNumber(a);
  return x instanceof ExcelError ? x : x / 100;
}

/** Reads element (r, c) of a broadcast operand: 1-wide/1-tall dimensions repeat, beyond the edge is #N/A. */
export function broadcastAt(rows: Scalar[][], r: number, c: number): Scalar {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const rr = height === 1 ? 0 : r;
  const cc = width === 1 ? 0 : c;
  if (rr >= height || cc >= width) return Errors.NA;
  return rows[rr]?.[cc] ?? null;
}

/** Applies a scalar operator to two values of which at least one may be an array. */
export function liftBinary(op: ScalarOp, a: Value, b: Value): Value {
  const aRows = isArrayValue(a) ? a.rows : null;
  const bRows = isArrayValue(b) ? b.rows : null;
  if (!aRows && !bRows) return op(a as Scalar, b as Scalar);
  const height = Math.max(aRows?.length ?? 1, bRows?.length ?? 1);
  const width = Math.max(aRows?.[0]?.length ?? 1, bRows?.[0]?.length ?? 1);
  const out: Scalar[][] = [];
  for (let r = 0; r < height; r++) {
    const row: Scalar[] = new Array<Scalar>(width);
    for (let c = 0; c < width; c++) {
      const x = aRows ? broadcastAt(aRows, r, c) : (a as Scalar);
      const y = bRows ? broadcastAt(bRows, r, c) : (b as Scalar);
      row[c] = op(x, y);
    }
    out.push(row);
  }
  return arrayOf(out);
}

export function liftUnary(op: (a: Scalar) => Scalar, a: Value): Value {
  if (!isArrayValue(a)) return op(a as Scalar);
  return arrayOf(a.rows.map((row) => row.map(op)));
}
