/** Paired-data statistics and regression: CORREL, COVARIANCE, SLOPE, FORECAST, TREND, LINEST... */
import { toBoolean } from "@/lib/excel/coerce";
import { flattenValue, toGrid } from "@/lib/excel/functions/collect";
import { invert } from "@/lib/excel/functions/math/math-arrays";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, type Scalar, type Value } from "@/lib/excel/values";

type Num = number | ExcelError;

/** Pairs where both values are numbers; #N/A when the argument sizes differ. */
export function numericPairs(ctx: EvalContext, ys: Value, xs: Value): [number[], number[]] | ExcelError {
  const a = flattenValue(ctx, ys);
  const b = flattenValue(ctx, xs);
  if (a.length !== b.length) return Errors.NA;
  const outY: number[] = [];
  const outX: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const y = a[i] as Scalar;
    const x = b[i] as Scalar;
    if (y instanceof ExcelError) return y;
    if (x instanceof ExcelError) return x;
    if (typeof y === "number" && typeof x === "number") {
      outY.push(y);
      outX.push(x);
    }
  }
  return [outY, outX];
}

interface Moments {
  readonly n: number;
  readonly sxx: number;
  readonly syy: number;
  readonly sxy: number;
  readonly meanX: number;
  readonly meanY: number;
}

function moments(ys: number[], xs: number[]): Moments {
  const n = ys.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - meanX;
    const dy = (ys[i] as number) - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { n, sxx, syy, sxy, meanX, meanY };
}

function pairedSpec(name: string, fn: (m: Moments) => Num, minPoints = 1): FunctionSpec {
  return {
    name,
    minArgs: 2,
    maxArgs: 2,
    args: ["any"],
    impl: (ctx: EvalContext, ys: Value, xs: Value) => {
      const pairs = numericPairs(ctx, ys, xs);
      if (pairs instanceof ExcelError) return pairs;
      if (pairs[0].length < minPoints) return Errors.DIV0;
      return fn(moments(...pairs));
    },
  };
}

const correl = (m: Moments): Num => (m.sxx === 0 || m.syy === 0 ? Errors.DIV0 : m.sxy / Math.sqrt(m.sxx * m.syy));
const slope = (m: Moments): Num => (m.sxx === 0 ? Errors.DIV0 : m.sxy / m.sxx);

function forecast(ctx: EvalContext, x: number, ys: Value, xs: Value): Num {
  const pairs = numericPairs(ctx, ys, xs);
  if (pairs instanceof ExcelError) return pairs;
  if (pairs[0].length === 0) return Errors.DIV0;
  const m = moments(...pairs);
  if (m.sxx === 0) return Errors.DIV0;
  return m.meanY + (m.sxy / m.sxx) * (x - m.meanX);
}

/** [slope, intercept] of a one-variable fit from centred sums (exact where the normal equations drift). */
function simpleLine(ys: number[], xs: number[]): number[] {
  const m = moments(ys, xs);
  const b = m.sxy / m.sxx;
  return [b, m.meanY - b * m.meanX];
}

interface Fit {
  readonly coefficients: number[];
  readonly intercept: number;
  readonly stats: number[][];
}

/** Ordinary least squares of y on the columns of x (with or without an intercept). */
function leastSquares(y: number[], x: number[][], withConstant: boolean): Fit | ExcelError {
  const n = y.length;
  const k = x[0]?.length ?? 0;
  const design = x.map((row) => (withConstant ? [...row, 1] : row));
  const p = k + (withConstant ? 1 : 0);
  const xtx = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => design.reduce((s, row) => s + (row[i] as number) * (row[j] as number), 0)));
  const xty = Array.from({ length: p }, (_, i) => design.reduce((s, row, r) => s + (row[i] as number) * (y[r] as number), 0));
  const { inverse } = invert(xtx);
  if (!inverse) return Errors.NUM;
  const beta = k === 1 && withConstant ? simpleLine(y, x.map((row) => row[0] as number)) : inverse.map((row) => row.reduce((s, v, j) => s + v * (xty[j] as number), 0));
  const fitted = design.map((row) => row.reduce((s, v, j) => s + v * (beta[j] as number), 0));
  const meanY = y.reduce((a, b) => a + b, 0) / n;
  const ssresid = y.reduce((s, v, i) => s + (v - (fitted[i] as number)) ** 2, 0);
  const sstotal = y.reduce((s, v) => s + (withConstant ? (v - meanY) ** 2 : v * v), 0);
  const ssreg = sstotal - ssresid;
  const df = n - p;
  const sey = df > 0 ? Math.sqrt(ssresid / df) : Number.NaN;
  const se = inverse.map((row, i) => Math.sqrt((row[i] as number) * sey * sey));
  const coefficients = beta.slice(0, k).reverse();
  const intercept = withConstant ? (beta[k] as number) : 0;
  const seRow = [...se.slice(0, k).reverse(), withConstant ? (se[k] as number) : Number.NaN];
  const stats = [
    [...coefficients, intercept],
    seRow,
    [ssreg / sstotal, sey],
    [(ssreg / k) / (ssresid / df), df],
    [ssreg, ssresid],
  ];
  return { coefficients, intercept, stats };
}

/** known_x as rows of regressors aligned with known_y (columns are variables for a column of y). */
function regressionInputs(ctx: EvalContext, knownY: Value, knownX?: Value): { y: number[]; x: number[][]; byRow: boolean } | ExcelError {
  const yGrid = toGrid(ctx, knownY);
  if (yGrid instanceof ExcelError) return yGrid;
  const y: number[] = [];
  for (const v of yGrid.flat()) {
    if (v instanceof ExcelError) return v;
    if (typeof v !== "number") return Errors.VALUE;
    y.push(v);
  }
  const byRow = yGrid.length === 1 && (yGrid[0]?.length ?? 0) > 1;
  if (knownX === undefined || knownX === null) return { y, x: y.map((_, i) => [i + 1]), byRow };
  const xGrid = toGrid(ctx, knownX);
  if (xGrid instanceof ExcelError) return xGrid;
  for (const v of xGrid.flat()) {
    if (v instanceof ExcelError) return v;
    if (typeof v !== "number") return Errors.VALUE;
  }
  const numeric = xGrid as number[][];
  const singleColumnOfY = !byRow;
  let x: number[][];
  if (numeric.length * (numeric[0]?.length ?? 0) === y.length && (numeric.length === 1 || (numeric[0]?.length ?? 0) === 1)) {
    x = numeric.flat().map((v) => [v]);
  } else if (singleColumnOfY) {
    if (numeric.length !== y.length) return Errors.REF;
    x = numeric;
  } else {
    if ((numeric[0]?.length ?? 0) !== y.length) return Errors.REF;
    x = y.map((_, i) => numeric.map((row) => row[i] as number));
  }
  return { y, x, byRow };
}

/** LINEST/TREND's `const`: omitted or blank means TRUE. */
function constantFlag(value: Scalar): boolean | ExcelError {
  return value === null ? true : toBoolean(value);
}

function fitSpec(name: string, logarithmic: boolean): FunctionSpec {
  return {
    name,
    minArgs: 1,
    maxArgs: 4,
    args: ["any", "any", "scalar", "boolean"],
    noLift: true,
    impl: (ctx: EvalContext, knownY: Value, knownX?: Value, constant: Scalar = null, withStats = false) => {
      const withConstant = constantFlag(constant);
      if (withConstant instanceof ExcelError) return withConstant;
      const inputs = regressionInputs(ctx, knownY, knownX);
      if (inputs instanceof ExcelError) return inputs;
      if (logarithmic && inputs.y.some((v) => v <= 0)) return Errors.NUM;
      const y = logarithmic ? inputs.y.map(Math.log) : inputs.y;
      const fit = leastSquares(y, inputs.x, withConstant);
      if (fit instanceof ExcelError) return fit;
      const rows = withStats ? fit.stats : fit.stats.slice(0, 1);
      const width = rows[0]?.length ?? 0;
      return arrayOf(
        rows.map((row, r) =>
          Array.from({ length: width }, (_, c) => {
            const v = row[c];
            if (v === undefined || Number.isNaN(v)) return Errors.NA;
            // A perfect fit leaves no residual: its F statistic divides by zero, which Excel shows as #NUM!.
            if (!Number.isFinite(v)) return Errors.NUM;
            return logarithmic && r === 0 ? Math.exp(v) : v;
          }),
        ),
      );
    },
  };
}

function predictSpec(name: string, logarithmic: boolean): FunctionSpec {
  return {
    name,
    minArgs: 1,
    maxArgs: 4,
    args: ["any", "any", "any", "scalar"],
    noLift: true,
    impl: (ctx: EvalContext, knownY: Value, knownX?: Value, newX?: Value, constant: Scalar = null) => {
      const withConstant = constantFlag(constant);
      if (withConstant instanceof ExcelError) return withConstant;
      const inputs = regressionInputs(ctx, knownY, knownX);
      if (inputs instanceof ExcelError) return inputs;
      if (logarithmic && inputs.y.some((v) => v <= 0)) return Errors.NUM;
      const y = logarithmic ? inputs.y.map(Math.log) : inputs.y;
      const fit = leastSquares(y, inputs.x, withConstant);
      if (fit instanceof ExcelError) return fit;
      const k = fit.coefficients.length;
      const slopes = [...fit.coefficients].reverse();
      const predict = (row: number[]) => {
        const v = row.reduce((s, x, j) => s + x * (slopes[j] ?? 0), fit.intercept);
        return logarithmic ? Math.exp(v) : v;
      };
      if (newX === undefined || newX === null) {
        const values = inputs.x.map(predict);
        return arrayOf(inputs.byRow ? [values] : values.map((v) => [v]));
      }
      const grid = toGrid(ctx, newX);
      if (grid instanceof ExcelError) return grid;
      if (grid.flat().some((v) => typeof v !== "number")) return Errors.VALUE;
      const numeric = grid as number[][];
      if (k === 1) return arrayOf(numeric.map((row) => row.map((x) => predict([x]))));
      const rows = inputs.byRow ? numeric[0]?.map((_, c) => numeric.map((row) => row[c] as number)) ?? [] : numeric;
      const values = rows.map(predict);
      return arrayOf(inputs.byRow ? [values] : values.map((v) => [v]));
    },
  };
}

export const statisticalRegressionFunctions: FunctionSpec[] = [
  pairedSpec("CORREL", correl),
  pairedSpec("PEARSON", correl),
  pairedSpec("RSQ", (m) => {
    const r = correl(m);
    return typeof r === "number" ? r * r : r;
  }),
  pairedSpec("COVAR", (m) => m.sxy / m.n),
  pairedSpec("COVARIANCE.P", (m) => m.sxy / m.n),
  pairedSpec("COVARIANCE.S", (m) => m.sxy / (m.n - 1), 2),
  pairedSpec("SLOPE", slope),
  pairedSpec("INTERCEPT", (m) => {
    const b = slope(m);
    return typeof b === "number" ? m.meanY - b * m.meanX : b;
  }),
  pairedSpec(
    "STEYX",
    (m) => (m.sxx === 0 ? Errors.DIV0 : Math.sqrt((m.syy - (m.sxy * m.sxy) / m.sxx) / (m.n - 2))),
    3,
  ),
  { name: "FORECAST", minArgs: 3, maxArgs: 3, args: ["number", "any", "any"], impl: forecast },
  { name: "FORECAST.LINEAR", minArgs: 3, maxArgs: 3, args: ["number", "any", "any"], impl: forecast },
  fitSpec("LINEST", false),
  fitSpec("LOGEST", true),
  predictSpec("TREND", false),
  predictSpec("GROWTH", true),
];
