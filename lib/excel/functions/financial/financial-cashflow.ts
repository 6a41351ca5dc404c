/** Cash-flow functions: NPV, XNPV, IRR, XIRR, MIRR, FVSCHEDULE. */
import { toNumber } from "@/lib/excel/coerce";
import { MAX_SERIAL } from "@/lib/excel/dates";
import { IRR_LIMITS, newtonFrom, XIRR_LIMITS } from "@/lib/excel/functions/financial/newton-solve";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
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

function hasBothSigns(values: number[]): boolean {
  return values.some((v) => v > 0) && values.some((v) => v < 0);
}

function irr(_ctx: EvalContext, range: RangeArg, guess?: number): Value {
  const values = rangeNumbers(range.rows);
  if (values instanceof ExcelError) return values;
  if (guess !== undefined && guess <= -1) return Errors.VALUE;
  if (!hasBothSigns(values)) return Errors.NUM;
  const f = (r: number) => values.reduce((s, v, i) => s + v / (1 + r) ** i, 0);
  const df = (r: number) => values.reduce((s, v, i) => s - (i * v) / (1 + r) ** (i + 1), 0);
  const found = newtonFrom(guess ?? 0.1, f, df, IRR_LIMITS);
  return found === undefined ? Errors.NUM : found;
}

/**
 * XNPV/XIRR inputs. XNPV rejects any non-number value with #NUM!; XIRR reads blanks as 0 and rejects
 * text or logical values with #VALUE!. Dates are truncated, must be valid and may not precede the first.
 */
function datedFlows(values: RangeArg, dates: RangeArg, blanksAreZero: boolean): { amounts: number[]; years: number[] } | ExcelError {
  const amounts = values.rows.flat();
  const days = dates.rows.flat();
  if (amounts.length !== days.length || amounts.length === 0) return Errors.NUM;
  const nums: number[] = [];
  const years: number[] = [];
  let first = 0;
  for (let i = 0; i < amounts.length; i++) {
    let a = amounts[i] ?? null;
    let d = days[i] ?? null;
    if (a instanceof ExcelError) return a;
    if (d instanceof ExcelError) return d;
    if (blanksAreZero) {
      a ??= 0;
      d ??= 0;
    }
    if (typeof a !== "number") return blanksAreZero ? Errors.VALUE : Errors.NUM;
    if (typeof d !== "number") return Errors.VALUE;
    const day = Math.trunc(d);
    if (i === 0) first = day;
    if (day < first || day < 0 || day > MAX_SERIAL) return Errors.NUM;
    nums.push(a);
    years.push((day - first) / 365);
  }
  return { amounts: nums, years };
}

function xnpv(_ctx: EvalContext, rate: number, values: RangeArg, dates: RangeArg): Value {
  const flows = datedFlows(values, dates, false);
  if (flows instanceof ExcelError) return flows;
  if (rate <= 0) return Errors.NUM;
  return flows.amounts.reduce((s, v, i) => s + v / (1 + rate) ** (flows.years[i] as number), 0);
}

function xirr(_ctx: EvalContext, values: RangeArg, dates: RangeArg, guess?: number): Value {
  if (guess !== undefined && guess <= -1) return Errors.VALUE;
  const flows = datedFlows(values, dates, true);
  if (flows instanceof ExcelError) return flows;
  const { amounts, years } = flows;
  if (!hasBothSigns(amounts)) return Errors.NUM;
  const f = (r: number) => amounts.reduce((s, v, i) => s + v / (1 + r) ** (years[i] as number), 0);
  const df = (r: number) => amounts.reduce((s, v, i) => s - ((years[i] as number) * v) / (1 + r) ** ((years[i] as number) + 1), 0);
  const found = newtonFrom(guess ?? 0.1, f, df, XIRR_LIMITS);
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
  ...withStrictNumbers([
    { name: "XNPV", minArgs: 3, maxArgs: 3, args: ["number", "range", "range"], impl: xnpv },
    { name: "XIRR", minArgs: 2, maxArgs: 3, args: ["range", "range", "number"], impl: xirr },
    { name: "FVSCHEDULE", minArgs: 2, maxArgs: 2, args: ["number", "range"], impl: fvschedule },
  ]),
  { name: "IRR", minArgs: 1, maxArgs: 2, args: ["range", "number"], impl: irr },
  { name: "MIRR", minArgs: 3, maxArgs: 3, args: ["range", "number", "number"], impl: mirr },
];
