/** Cash-flow functions: NPV, XNPV, IRR, XIRR, MIRR, FVSCHEDULE. */
import { toNumber } from "@/lib/excel/coerce";
import type { EvalContext, FunctionSpec, RangeArg } from "@/lib/excel/functions/types";
import { toGrid } from "@/lib/excel/functions/value-grid";
import { Errors, ExcelError, isArrayValue, isReference, type Scalar, type Value } from "@/lib/excel/values";

/** Numbers of a range: text, booleans and blanks are skipped, errors propagate. */
function rangeNumbers(rows: Scalar[][]): number[] | ExcelError {
  const out: number[] = [];
  for (const row of rows) {
    for (const v of row) {
      if (v instanceof ExcelError) return v;
      if (typeof v === "number") out.push(v);
    }
  }
  return out;
}

/** NPV's values: numbers inside references/arrays, and direct arguments coerced like SUM's. */
function npvValues(ctx: EvalContext, args: Value[]): number[] | ExcelError {
  const out: number[] = [];
  for (const arg of args) {
    if (isReference(arg) || isArrayValue(arg)) {
      const grid = isReference(arg) ? arg.areas.flatMap((area) => ctx.readAreaValues(area)) : toGrid(ctx, arg);
      if (grid instanceof ExcelError) return grid;
      const numbers = rangeNumbers(grid);
      if (numbers instanceof ExcelError) return numbers;
      out.push(...numbers);
    } else if (arg !== null && typeof arg !== "object") {
      const n = toNumber(arg);
      if (n instanceof ExcelError) return n;
      out.push(n);
    } else if (arg instanceof ExcelError) {
      return arg;
    }
  }
  return out;
}

function npv(ctx: EvalContext, rate: number, ...args: Value[]): Value {
  const values = npvValues(ctx, args);
  if (values instanceof ExcelError) return values;
  if (rate === -1) return Errors.DIV0;
  let total = 0;
  values.forEach((v, i) => {
    total += v / (1 + rate) ** (i + 1);
  });
  return total;
}

/** Newton's method with a bisection fallback over (-0.99, 10) when Newton does not converge. */
function solve(f: (r: number) => number, df: (r: number) => number, guess: number): number | undefined {
  let r = guess;
  for (let i = 0; i < 100; i++) {
    const value = f(r);
    const slope = df(r);
    if (!Number.isFinite(value) || !Number.isFinite(slope) || slope === 0) break;
    const next = r - value / slope;
    if (!Number.isFinite(next) || next <= -1) break;
    if (Math.abs(next - r) < 1e-12) return next;
    r = next;
  }
  let lo = -0.99;
  let hi = 10;
  let flo = f(lo);
  if (!Number.isFinite(flo) || flo * f(hi) > 0) return undefined;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const fm = f(mid);
    if (fm === 0 || hi - lo < 1e-15) return mid;
    if (fm * flo < 0) hi = mid;
    else {
      lo = mid;
      flo = fm;
    }
  }
  return (lo + hi) / 2;
}

function hasBothSigns(values: number[]): boolean {
  return values.some((v) => v > 0) && values.some((v) => v < 0);
}

function irr(_ctx: EvalContext, range: RangeArg, guess?: number): Value {
  const values = rangeNumbers(range.rows);
  if (values instanceof ExcelError) return values;
  if (!hasBothSigns(values)) return Errors.NUM;
  const f = (r: number) => values.reduce((s, v, i) => s + v / (1 + r) ** i, 0);
  const df = (r: number) => values.reduce((s, v, i) => s - (i * v) / (1 + r) ** (i + 1), 0);
  const found = solve(f, df, guess ?? 0.1);
  return found === undefined ? Errors.NUM : found;
}

/** XNPV/XIRR inputs: every value and date must be a number; dates may not precede the first one. */
function datedFlows(values: RangeArg, dates: RangeArg): { amounts: number[]; years: number[] } | ExcelError {
  const amounts = values.rows.flat();
  const days = dates.rows.flat();
  if (amounts.length !== days.length) return Errors.NUM;
  const nums: number[] = [];
  const years: number[] = [];
  let first = 0;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i] ?? null;
    const d = days[i] ?? null;
    if (a instanceof ExcelError) return a;
    if (d instanceof ExcelError) return d;
    if (typeof a !== "number" || typeof d !== "number") return Errors.VALUE;
    const day = Math.trunc(d);
    if (i === 0) first = day;
    if (day < first || day < 0) return Errors.NUM;
    nums.push(a);
    years.push((day - first) / 365);
  }
  return { amounts: nums, years };
}

function xnpv(_ctx: EvalContext, rate: number, values: RangeArg, dates: RangeArg): Value {
  const flows = datedFlows(values, dates);
  if (flows instanceof ExcelError) return flows;
  if (rate <= -1) return Errors.NUM;
  return flows.amounts.reduce((s, v, i) => s + v / (1 + rate) ** (flows.years[i] as number), 0);
}

function xirr(_ctx: EvalContext, values: RangeArg, dates: RangeArg, guess?: number): Value {
  const flows = datedFlows(values, dates);
  if (flows instanceof ExcelError) return flows;
  const { amounts, years } = flows;
  if (!hasBothSigns(amounts)) return Errors.NUM;
  const f = (r: number) => amounts.reduce((s, v, i) => s + v / (1 + r) ** (years[i] as number), 0);
  const df = (r: number) => amounts.reduce((s, v, i) => s - ((years[i] as number) * v) / (1 + r) ** ((years[i] as number) + 1), 0);
  const found = solve(f, df, guess ?? 0.1);
  return found === undefined ? Errors.NUM : found;
}

function mirr(_ctx: EvalContext, range: RangeArg, financeRate: number, reinvestRate: number): Value {
  const values = rangeNumbers(range.rows);
  if (values instanceof ExcelError) return values;
  const n = values.length;
  let negatives = 0;
  let positives = 0;
  values.forEach((v, i) => {
    if (v < 0) negatives += v / (1 + financeRate) ** i;
    else positives += v * (1 + reinvestRate) ** (n - 1 - i);
  });
  if (negatives === 0 || positives === 0 || n < 2) return Errors.DIV0;
  return (-positives / negatives) ** (1 / (n - 1)) - 1;
}

function fvschedule(_ctx: EvalContext, principal: number, schedule: RangeArg): Value {
  let total = principal;
  for (const row of schedule.rows) {
    for (const v of row) {
      const rate = toNumber(v);
      if (rate instanceof ExcelError) return rate;
      total *= 1 + rate;
    }
  }
  return total;
}

export const cashflowFunctions: FunctionSpec[] = [
  { name: "NPV", minArgs: 2, maxArgs: 255, args: ["number", "any"], impl: npv },
  { name: "XNPV", minArgs: 3, maxArgs: 3, args: ["number", "range", "range"], impl: xnpv },
  { name: "IRR", minArgs: 1, maxArgs: 2, args: ["range", "number"], impl: irr },
  { name: "XIRR", minArgs: 2, maxArgs: 3, args: ["range", "range", "number"], impl: xirr },
  { name: "MIRR", minArgs: 3, maxArgs: 3, args: ["range", "number", "number"], impl: mirr },
  { name: "FVSCHEDULE", minArgs: 2, maxArgs: 2, args: ["number", "range"], impl: fvschedule },
];
