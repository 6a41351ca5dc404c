/** Array arithmetic: SUMPRODUCT, SUMX2MY2/SUMX2PY2/SUMXMY2, MMULT, MINVERSE, MDETERM, MUNIT. */
import { flattenValue, numResult, readPairedGrids, toGrid } from "@/lib/excel/functions/collect";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, type Scalar, type Value } from "@/lib/excel/values";

function numericMatrix(ctx: EvalContext, value: Value): number[][] | ExcelError {
  const grid = toGrid(ctx, value);
  if (grid instanceof ExcelError) return grid;
  const out: number[][] = [];
  for (const row of grid) {
    const numbers: number[] = [];
    for (const v of row) {
      if (v instanceof ExcelError) return v;
      if (typeof v !== "number") return Errors.VALUE;
      numbers.push(v);
    }
    out.push(numbers);
  }
  return out;
}

/** LU decomposition with partial pivoting; returns the determinant and the inverse when non-singular. */
export function invert(matrix: number[][]): { det: number; inverse?: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  let det = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (a[pivot]![col] === 0) return { det: 0 };
    if (pivot !== col) {
      [a[pivot], a[col]] = [a[col]!, a[pivot]!];
      det = -det;
    }
    const pivotRow = a[col]!;
    const p = pivotRow[col]!;
    det *= p;
    for (let j = 0; j < 2 * n; j++) pivotRow[j] = pivotRow[j]! / p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r]!;
      const factor = row[col]!;
      if (factor !== 0) for (let j = 0; j < 2 * n; j++) row[j] = row[j]! - factor * pivotRow[j]!;
    }
  }
  return { det, inverse: a.map((row) => row.slice(n)) };
}

function pairedSum(name: string, term: (x: number, y: number) => number): FunctionSpec {
  return {
    name,
    minArgs: 2,
    maxArgs: 2,
    args: ["any"],
    impl: (ctx: EvalContext, xs: Value, ys: Value) => {
      const a = flattenValue(ctx, xs);
      const b = flattenValue(ctx, ys);
      if (a.length !== b.length) return Errors.NA;
      let sum = 0;
      let pairs = 0;
      for (let i = 0; i < a.length; i++) {
        const x = a[i] as Scalar;
        const y = b[i] as Scalar;
        if (x instanceof ExcelError) return x;
        if (y instanceof ExcelError) return y;
        if (typeof x === "number" && typeof y === "number") {
          sum += term(x, y);
          pairs++;
        }
      }
      // Excel answers #DIV/0! when no position holds two numbers.
      return pairs === 0 ? Errors.DIV0 : numResult(sum);
    },
  };
}

export const mathArrayFunctions: FunctionSpec[] = [
  {
    name: "SUMPRODUCT",
    minArgs: 1,
    maxArgs: 255,
    args: ["any"],
    impl: (ctx: EvalContext, ...args: Value[]) => {
      const grids = readPairedGrids(ctx, args);
      if (grids instanceof ExcelError) return grids;
      const flat = grids.map((g) => g.flat());
      const length = flat[0]?.length ?? 0;
      let sum = 0;
      for (let i = 0; i < length; i++) {
        let product = 1;
        for (const values of flat) {
          const v = values[i] ?? null;
          if (v instanceof ExcelError) return v;
          product *= typeof v === "number" ? v : 0;
        }
        sum += product;
      }
      return numResult(sum);
    },
  },
  pairedSum("SUMX2MY2", (x, y) => x * x - y * y),
  pairedSum("SUMX2PY2", (x, y) => x * x + y * y),
  pairedSum("SUMXMY2", (x, y) => (x - y) ** 2),
  {
    name: "MMULT",
    minArgs: 2,
    maxArgs: 2,
    args: ["any"],
    impl: (ctx: EvalContext, left: Value, right: Value) => {
      const a = numericMatrix(ctx, left);
      if (a instanceof ExcelError) return a;
      const b = numericMatrix(ctx, right);
      if (b instanceof ExcelError) return b;
      const inner = a[0]?.length ?? 0;
      if (inner !== b.length) return Errors.VALUE;
      const cols = b[0]?.length ?? 0;
      return arrayOf(a.map((row) => Array.from({ length: cols }, (_, j) => row.reduce((s, x, k) => s + x * b[k]![j]!, 0))));
    },
  },
  {
    name: "MDETERM",
    minArgs: 1,
    maxArgs: 1,
    args: ["any"],
    impl: (ctx: EvalContext, value: Value) => {
      const m = numericMatrix(ctx, value);
      if (m instanceof ExcelError) return m;
      if (m.some((row) => row.length !== m.length)) return Errors.VALUE;
      return invert(m).det;
    },
  },
  {
    name: "MINVERSE",
    minArgs: 1,
    maxArgs: 1,
    args: ["any"],
    impl: (ctx: EvalContext, value: Value) => {
      const m = numericMatrix(ctx, value);
      if (m instanceof ExcelError) return m;
      if (m.some((row) => row.length !== m.length)) return Errors.VALUE;
      const { inverse } = invert(m);
      return inverse ? arrayOf(inverse) : Errors.NUM;
    },
  },
  {
    name: "MUNIT",
    minArgs: 1,
    maxArgs: 1,
    args: ["number"],
    impl: (_ctx: EvalContext, size: number) => {
      const n = Math.trunc(size);
      if (n < 1) return Errors.VALUE;
      return arrayOf(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))));
    },
  },
];
