/** Hypothesis tests and frequency tables: T.TEST, F.TEST, Z.TEST, CHISQ.TEST, PROB, FREQUENCY. */
import { collectNumbers, flattenValue, toGrid } from "@/lib/excel/functions/collect";
import { chiSurvival, fCdf, tCdf } from "@/lib/excel/functions/statistical/distributions-continuous";
import { numericPairs } from "@/lib/excel/functions/statistical/statistical-regression";
import * as sf from "@/lib/excel/functions/statistical/special-functions";
import * as stats from "@/lib/excel/functions/statistical/statistics-core";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, type Value } from "@/lib/excel/values";

type Num = number | ExcelError;

function tTest(ctx: EvalContext, a: Value, b: Value, tails: number, type: number): Num {
  const t = Math.trunc(tails);
  const kind = Math.trunc(type);
  if ((t !== 1 && t !== 2) || kind < 1 || kind > 3) return Errors.NUM;
  let statistic: number;
  let df: number;
  if (kind === 1) {
    const pairs = numericPairs(ctx, a, b);
    if (pairs instanceof ExcelError) return pairs;
    const diffs = pairs[0].map((x, i) => x - (pairs[1][i] as number));
    const sd = stats.stdev(diffs, true);
    if (typeof sd !== "number") return sd;
    statistic = stats.sum(diffs) / diffs.length / (sd / Math.sqrt(diffs.length));
    df = diffs.length - 1;
  } else {
    const xs = collectNumbers(ctx, [a]);
    const ys = collectNumbers(ctx, [b]);
    if (xs instanceof ExcelError) return xs;
    if (ys instanceof ExcelError) return ys;
    const [n1, n2] = [xs.length, ys.length];
    const v1 = stats.variance(xs, true);
    const v2 = stats.variance(ys, true);
    if (typeof v1 !== "number" || typeof v2 !== "number") return Errors.DIV0;
    const diff = stats.sum(xs) / n1 - stats.sum(ys) / n2;
    if (kind === 2) {
      const pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2);
      statistic = diff / Math.sqrt(pooled * (1 / n1 + 1 / n2));
      df = n1 + n2 - 2;
    } else {
      const [s1, s2] = [v1 / n1, v2 / n2];
      statistic = diff / Math.sqrt(s1 + s2);
      df = (s1 + s2) ** 2 / (s1 ** 2 / (n1 - 1) + s2 ** 2 / (n2 - 1));
    }
  }
  if (!Number.isFinite(statistic)) return Errors.DIV0;
  return t * (1 - tCdf(Math.abs(statistic), df));
}

function fTest(ctx: EvalContext, a: Value, b: Value): Num {
  const xs = collectNumbers(ctx, [a]);
  const ys = collectNumbers(ctx, [b]);
  if (xs instanceof ExcelError) return xs;
  if (ys instanceof ExcelError) return ys;
  const v1 = stats.variance(xs, true);
  const v2 = stats.variance(ys, true);
  if (typeof v1 !== "number" || typeof v2 !== "number" || v1 === 0 || v2 === 0) return Errors.DIV0;
  const p = fCdf(v1 / v2, xs.length - 1, ys.length - 1);
  return 2 * Math.min(p, 1 - p);
}

function zTest(ctx: EvalContext, array: Value, x: number, sigma?: number): Num {
  const xs = collectNumbers(ctx, [array]);
  if (xs instanceof ExcelError) return xs;
  if (xs.length === 0) return Errors.NA;
  const sd = sigma ?? stats.stdev(xs, true);
  if (typeof sd !== "number") return sd;
  if (sd === 0) return Errors.DIV0;
  return 1 - sf.normalCdf((stats.sum(xs) / xs.length - x) / (sd / Math.sqrt(xs.length)));
}

function chiTest(ctx: EvalContext, actual: Value, expected: Value): Num {
  const a = toGrid(ctx, actual);
  const e = toGrid(ctx, expected);
  if (a instanceof ExcelError) return a;
  if (e instanceof ExcelError) return e;
  const rows = a.length;
  const cols = a[0]?.length ?? 0;
  if (rows !== e.length || cols !== (e[0]?.length ?? 0)) return Errors.NA;
  let chi = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = a[r]?.[c] ?? null;
      const y = e[r]?.[c] ?? null;
      if (x instanceof ExcelError) return x;
      if (y instanceof ExcelError) return y;
      if (typeof x !== "number" || typeof y !== "number") continue;
      if (y === 0) return Errors.DIV0;
      chi += (x - y) ** 2 / y;
    }
  }
  const df = rows > 1 && cols > 1 ? (rows - 1) * (cols - 1) : rows * cols - 1;
  if (df < 1) return Errors.NA;
  return chiSurvival(chi, df);
}

function frequency(ctx: EvalContext, data: Value, bins: Value): Value {
  const values = collectNumbers(ctx, [data]);
  const edges = collectNumbers(ctx, [bins]);
  if (values instanceof ExcelError) return values;
  if (edges instanceof ExcelError) return edges;
  const result = edges.map((edge, i) => {
    if (edges.indexOf(edge) !== i) return 0;
    const lower = edges.filter((b) => b < edge).reduce((m, b) => Math.max(m, b), -Infinity);
    return values.filter((v) => v > lower && v <= edge).length;
  });
  const top = edges.length ? Math.max(...edges) : -Infinity;
  result.push(values.filter((v) => v > top).length);
  return arrayOf(result.map((n) => [n]));
}

function prob(ctx: EvalContext, xRange: Value, probRange: Value, lower: number, upper?: number): Num {
  const xs = flattenValue(ctx, xRange);
  const ps = flattenValue(ctx, probRange);
  if (xs.length !== ps.length) return Errors.NA;
  let total = 0;
  let selected = 0;
  for (let i = 0; i < xs.length; i++) {
    const p = ps[i];
    const x = xs[i];
    if (typeof p !== "number" || p < 0 || p > 1) return Errors.NUM;
    total += p;
    if (typeof x === "number" && x >= lower && x <= (upper ?? lower)) selected += p;
  }
  return Math.abs(total - 1) > 1e-10 ? Errors.NUM : selected;
}

const anyAny: FunctionSpec["args"] = ["any", "any"];

export const statisticalTestFunctions: FunctionSpec[] = [
  { name: "T.TEST", minArgs: 4, maxArgs: 4, args: ["any", "any", "number", "number"], impl: tTest },
  { name: "TTEST", minArgs: 4, maxArgs: 4, args: ["any", "any", "number", "number"], impl: tTest },
  { name: "F.TEST", minArgs: 2, maxArgs: 2, args: anyAny, impl: fTest },
  { name: "FTEST", minArgs: 2, maxArgs: 2, args: anyAny, impl: fTest },
  { name: "Z.TEST", minArgs: 2, maxArgs: 3, args: ["any", "number", "number"], impl: zTest },
  { name: "ZTEST", minArgs: 2, maxArgs: 3, args: ["any", "number", "number"], impl: zTest },
  { name: "CHISQ.TEST", minArgs: 2, maxArgs: 2, args: anyAny, impl: chiTest },
  { name: "CHITEST", minArgs: 2, maxArgs: 2, args: anyAny, impl: chiTest },
  { name: "FREQUENCY", minArgs: 2, maxArgs: 2, args: anyAny, impl: frequency },
  { name: "PROB", minArgs: 3, maxArgs: 4, args: ["any", "any", "number", "number"], impl: prob },
];
