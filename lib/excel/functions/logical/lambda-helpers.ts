/** MAP, REDUCE, SCAN, BYROW, BYCOL and MAKEARRAY: functions that call LAMBDA values. */
import type { EvalContext, FunctionSpec, RangeArg } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, isArrayValue, isLambda, isReference, type Scalar, type Value } from "@/lib/excel/values";

/** One scalar from a lambda's result (MAP and friends need one value per element). */
function single(ctx: EvalContext, v: Value): Scalar {
  if (isArrayValue(v)) return v.rows.length === 1 && v.rows[0]?.length === 1 ? (v.rows[0][0] ?? null) : Errors.CALC;
  if (isReference(v)) {
    const area = v.areas[0];
    if (v.areas.length !== 1 || !area || area.top !== area.bottom || area.left !== area.right) return Errors.CALC;
    return ctx.readAreaValues(area)[0]?.[0] ?? null;
  }
  if (isLambda(v)) return Errors.CALC;
  return v;
}

/** The lambda argument of a helper that calls it with `count` arguments; any other parameter count is #VALUE!. */
function lambdaArg(v: Value, count: number): ((args: Value[]) => Value) | ExcelError {
  if (v instanceof ExcelError) return v;
  if (!isLambda(v)) return Errors.VALUE;
  const [min, max] = v.arity ?? [v.params.length, v.params.length];
  return count >= min && count <= max ? v.call : Errors.VALUE;
}

function gridOf(ctx: EvalContext, v: Value): Scalar[][] {
  if (isArrayValue(v)) return v.rows;
  if (isReference(v)) return v.areas[0] ? ctx.readAreaValues(v.areas[0]) : [[Errors.VALUE]];
  return [[isLambda(v) ? Errors.VALUE : v]];
}

function map(ctx: EvalContext, ...args: Value[]): Value {
  const fn = lambdaArg(args[args.length - 1] as Value, args.length - 1);
  if (fn instanceof ExcelError) return fn;
  const grids = args.slice(0, -1).map((a) => gridOf(ctx, a));
  const first = grids[0];
  if (!first) return Errors.VALUE;
  const out = first.map((row, r) => row.map((_, c) => single(ctx, fn(grids.map((g) => g[r]?.[c] ?? Errors.NA)))));
  return arrayOf(out);
}

function reduceOrScan(scan: boolean) {
  return (ctx: EvalContext, initial: Value, range: RangeArg, lambda: Value): Value => {
    const fn = lambdaArg(lambda, 2);
    if (fn instanceof ExcelError) return fn;
    let acc: Value = initial ?? 0;
    const out: Scalar[][] = [];
    for (const row of range.rows) {
      const outRow: Scalar[] = [];
      for (const cell of row) {
        acc = fn([acc, cell]);
        if (scan) outRow.push(single(ctx, acc));
      }
      out.push(outRow);
    }
    return scan ? arrayOf(out) : acc;
  };
}

function byRowOrCol(byRow: boolean) {
  return (ctx: EvalContext, range: RangeArg, lambda: Value): Value => {
    const fn = lambdaArg(lambda, 1);
    if (fn instanceof ExcelError) return fn;
    const rows = range.rows;
    if (byRow) return arrayOf(rows.map((row) => [single(ctx, fn([arrayOf([row])]))]));
    const width = rows[0]?.length ?? 0;
    const out: Scalar[] = [];
    for (let c = 0; c < width; c++) out.push(single(ctx, fn([arrayOf(rows.map((row) => [row[c] ?? null]))])));
    return arrayOf([out]);
  };
}

function makeArray(ctx: EvalContext, rows: number, cols: number, lambda: Value): Value {
  const fn = lambdaArg(lambda, 2);
  if (fn instanceof ExcelError) return fn;
  const height = Math.trunc(rows);
  const width = Math.trunc(cols);
  if (height < 1 || width < 1) return Errors.VALUE;
  const out: Scalar[][] = [];
  for (let r = 1; r <= height; r++) {
    const row: Scalar[] = [];
    for (let c = 1; c <= width; c++) row.push(single(ctx, fn([r, c])));
    out.push(row);
  }
  return arrayOf(out);
}

/** Reached only if a form the compiler binds (LET, LAMBDA, ISOMITTED) is invoked without it. */
function boundByCompiler(): Value {
  return Errors.VALUE;
}

export const lambdaFunctions: FunctionSpec[] = [
  { name: "LET", minArgs: 3, maxArgs: 253, args: ["any"], impl: boundByCompiler },
  { name: "LAMBDA", minArgs: 1, maxArgs: 254, args: ["any"], impl: boundByCompiler },
  { name: "ISOMITTED", minArgs: 1, maxArgs: 1, args: ["any"], impl: boundByCompiler },
  { name: "MAP", minArgs: 2, maxArgs: 254, args: ["any"], impl: map },
  { name: "REDUCE", minArgs: 3, maxArgs: 3, args: ["any", "range", "any"], impl: reduceOrScan(false) },
  { name: "SCAN", minArgs: 3, maxArgs: 3, args: ["any", "range", "any"], impl: reduceOrScan(true) },
  { name: "BYROW", minArgs: 2, maxArgs: 2, args: ["range", "any"], impl: byRowOrCol(true) },
  { name: "BYCOL", minArgs: 2, maxArgs: 2, args: ["range", "any"], impl: byRowOrCol(false) },
  { name: "MAKEARRAY", minArgs: 3, maxArgs: 3, args: ["number", "number", "any"], noLift: true, impl: makeArray },
];

