/** Counting, averages, extremes, order statistics and ranks. */
import { toNumber } from "@/lib/excel/coerce";
import { clipArea, collectingSpec, collectNumbers, type CollectOptions, flattenValue, isRangeLike, numResult } from "@/lib/excel/functions/collect";
import * as stats from "@/lib/excel/functions/statistical/statistics-core";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, isReference, type Value } from "@/lib/excel/values";

type Num = number | ExcelError;

export function numbersSpec(name: string, reduce: (xs: number[]) => Value, options: CollectOptions = {}): FunctionSpec {
  return collectingSpec(name, (ctx, args) => collectNumbers(ctx, args, options), reduce);
}

/** A function of (numbers from one range argument, then number arguments); the number arguments lift. */
function rangeThenNumbers(name: string, arity: number, fn: (xs: number[], ...rest: number[]) => Num): FunctionSpec {
  return {
    name,
    minArgs: arity,
    maxArgs: arity,
    args: ["any", "number"],
    impl: (ctx: EvalContext, range: Value, ...rest: number[]) => {
      const numbers = collectNumbers(ctx, [range]);
      return numbers instanceof ExcelError ? numbers : fn(numbers, ...rest);
    },
  };
}

const A_OPTIONS: CollectOptions = { textAndBooleansInRanges: true };
/** MODE refuses text typed as an argument, numeric or not (MODE("1",1,1) is #VALUE!). */
const MODE_OPTIONS: CollectOptions = { directTextIsError: true };
const min = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => Math.min(a, b)));
const max = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => Math.max(a, b)));

function modeSingle(xs: number[]): Num {
  return stats.modes(xs)[0] ?? Errors.NA;
}

function rankSpec(name: string, averageTies: boolean): FunctionSpec {
  return {
    name,
    minArgs: 2,
    maxArgs: 3,
    args: ["number", "any", "number"],
    impl: (ctx: EvalContext, x: number, ref: Value, order = 0) => {
      if (!isReference(ref)) return Errors.VALUE;
      const numbers = collectNumbers(ctx, [ref]);
      return numbers instanceof ExcelError ? numbers : stats.rank(numbers, x, order !== 0, averageTies);
    },
  };
}

function percentRankSpec(name: string, exclusive: boolean): FunctionSpec {
  return {
    name,
    minArgs: 2,
    maxArgs: 3,
    args: ["any", "number"],
    impl: (ctx: EvalContext, range: Value, x: number, significance = 3) => {
      const numbers = collectNumbers(ctx, [range]);
      return numbers instanceof ExcelError ? numbers : stats.percentRank(numbers, x, significance, exclusive);
    },
  };
}

function countNumbers(ctx: EvalContext, args: Value[]): number {
  let count = 0;
  for (const arg of args) {
    if (isRangeLike(arg)) {
      for (const v of flattenValue(ctx, arg)) if (typeof v === "number") count++;
    } else if (typeof arg === "number" || typeof arg === "boolean" || arg === null) count++;
    else if (typeof arg === "string" && typeof toNumber(arg) === "number") count++;
  }
  return count;
}

function countNonBlank(ctx: EvalContext, args: Value[]): number {
  let count = 0;
  for (const arg of args) {
    if (isRangeLike(arg)) {
      for (const v of flattenValue(ctx, arg)) if (v !== null) count++;
    } else count++;
  }
  return count;
}

export const statisticalBasicFunctions: FunctionSpec[] = [
  { name: "COUNT", minArgs: 1, maxArgs: 255, args: ["any"], impl: (ctx: EvalContext, ...args: Value[]) => countNumbers(ctx, args) },
  { name: "COUNTA", minArgs: 1, maxArgs: 255, args: ["any"], impl: (ctx: EvalContext, ...args: Value[]) => countNonBlank(ctx, args) },
  {
    name: "COUNTBLANK",
    minArgs: 1,
    maxArgs: 1,
    args: ["any"],
    impl: (ctx: EvalContext, range: Value) => {
      if (!isReference(range)) return Errors.VALUE;
      let blanks = 0;
      for (const area of range.areas) {
        const clipped = clipArea(ctx, area);
        const total = (area.bottom - area.top + 1) * (area.right - area.left + 1);
        const read = (clipped.bottom - clipped.top + 1) * (clipped.right - clipped.left + 1);
        blanks += total - read;
        for (const v of ctx.readAreaValues(clipped).flat()) if (v === null || v === "") blanks++;
      }
      return blanks;
    },
  },
  numbersSpec("AVERAGE", stats.average),
  numbersSpec("AVERAGEA", stats.average, A_OPTIONS),
  numbersSpec("MIN", min),
  numbersSpec("MAX", max),
  numbersSpec("MINA", min, A_OPTIONS),
  numbersSpec("MAXA", max, A_OPTIONS),
  numbersSpec("MEDIAN", stats.median),
  numbersSpec("MODE", modeSingle, MODE_OPTIONS),
  numbersSpec("MODE.SNGL", modeSingle, MODE_OPTIONS),
  numbersSpec("MODE.MULT", (xs) => {
    const all = stats.modes(xs);
    return all.length === 0 ? Errors.NA : arrayOf(all.map((x) => [x]));
  }, MODE_OPTIONS),
  rangeThenNumbers("LARGE", 2, (xs, k) => stats.kth(xs, k as number, true)),
  rangeThenNumbers("SMALL", 2, (xs, k) => stats.kth(xs, k as number, false)),
  rankSpec("RANK", false),
  rankSpec("RANK.EQ", false),
  rankSpec("RANK.AVG", true),
  rangeThenNumbers("PERCENTILE", 2, (xs, k) => stats.percentileInc(xs, k as number)),
  rangeThenNumbers("PERCENTILE.INC", 2, (xs, k) => stats.percentileInc(xs, k as number)),
  rangeThenNumbers("PERCENTILE.EXC", 2, (xs, k) => stats.percentileExc(xs, k as number)),
  rangeThenNumbers("QUARTILE", 2, (xs, q) => stats.quartile(xs, q as number, false)),
  rangeThenNumbers("QUARTILE.INC", 2, (xs, q) => stats.quartile(xs, q as number, false)),
  rangeThenNumbers("QUARTILE.EXC", 2, (xs, q) => stats.quartile(xs, q as number, true)),
  percentRankSpec("PERCENTRANK", false),
  percentRankSpec("PERCENTRANK.INC", false),
  percentRankSpec("PERCENTRANK.EXC", true),
  rangeThenNumbers("TRIMMEAN", 2, (xs, percent) => {
    const p = percent as number;
    if (p < 0 || p >= 1 || xs.length === 0) return Errors.NUM;
    const drop = Math.floor((xs.length * p) / 2);
    return stats.average(stats.sorted(xs).slice(drop, xs.length - drop));
  }),
  {
    name: "STANDARDIZE",
    minArgs: 3,
    maxArgs: 3,
    args: ["number"],
    impl: (_ctx: EvalContext, x: number, mean: number, sd: number) => (sd <= 0 ? Errors.NUM : numResult((x - mean) / sd)),
  },
];
