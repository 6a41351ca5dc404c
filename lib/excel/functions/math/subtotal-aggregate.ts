/**
 * SUBTOTAL and AGGREGATE: run one of the basic aggregates over references, skipping cells that hold
 * SUBTOTAL/AGGREGATE formulas themselves, hidden rows (SUBTOTAL 101-111, odd AGGREGATE options) and
 * (AGGREGATE options) error values.
 */
import { toNumber } from "@/lib/excel/coerce";
import { clipArea, scalarOrGrid } from "@/lib/excel/functions/collect";
import { mathBasicFunctions } from "@/lib/excel/functions/math/math-basic";
import { statisticalBasicFunctions } from "@/lib/excel/functions/statistical/statistical-basic";
import { statisticalDispersionFunctions } from "@/lib/excel/functions/statistical/statistical-dispersion";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, isReference, type Scalar, type Value } from "@/lib/excel/values";

const SUBTOTAL_NAMES = ["AVERAGE", "COUNT", "COUNTA", "MAX", "MIN", "PRODUCT", "STDEV", "STDEVP", "SUM", "VAR", "VARP"];
const AGGREGATE_NAMES = [
  ...["AVERAGE", "COUNT", "COUNTA", "MAX", "MIN", "PRODUCT", "STDEV.S", "STDEV.P", "SUM", "VAR.S", "VAR.P"],
  ...["MEDIAN", "MODE.SNGL", "LARGE", "SMALL", "PERCENTILE.INC", "QUARTILE.INC", "PERCENTILE.EXC", "QUARTILE.EXC"],
];
const FIRST_ARRAY_FORM = 14;

const byName = new Map([...mathBasicFunctions, ...statisticalBasicFunctions, ...statisticalDispersionFunctions].map((s) => [s.name, s]));

function isNestedAggregate(ctx: EvalContext, sheet: string, row: number, col: number): boolean {
  const formula = ctx.formulaAt(sheet, row, col);
  return formula !== undefined && /\b(SUBTOTAL|AGGREGATE)\s*\(/i.test(formula);
}

interface Skips {
  readonly nested: boolean;
  readonly errors: boolean;
  readonly hidden: boolean;
}

/** An argument with nested subtotals (and optionally errors and hidden rows) left out, as an array value. */
function filtered(ctx: EvalContext, value: Value, skip: Skips): Value {
  const skipErrors = skip.errors;
  if (!isReference(value)) {
    if (!skipErrors || typeof value !== "object" || value === null || value instanceof ExcelError || value.kind !== "array") return value;
    return arrayOf(value.rows.map((row) => row.map((v) => (v instanceof ExcelError ? null : v))));
  }
  const cells: Scalar[] = [];
  for (const area of value.areas) {
    const clipped = clipArea(ctx, area);
    const rows = ctx.readAreaValues(clipped);
    rows.forEach((row, r) => {
      if (skip.hidden && ctx.isRowHidden?.(area.sheet, clipped.top + r)) return;
      row.forEach((v, c) => {
        if (skip.nested && isNestedAggregate(ctx, area.sheet, clipped.top + r, clipped.left + c)) return;
        if (skipErrors && v instanceof ExcelError) return;
        cells.push(v);
      });
    });
  }
  return arrayOf([cells.length ? cells : [null]]);
}

function run(ctx: EvalContext, name: string, args: Value[]): Value {
  const spec = byName.get(name) as FunctionSpec;
  return (spec.impl as (ctx: EvalContext, ...a: Value[]) => Value)(ctx, ...args);
}

export const subtotalAggregateFunctions: FunctionSpec[] = [
  {
    name: "SUBTOTAL",
    minArgs: 2,
    maxArgs: 255,
    args: ["number", "any"],
    impl: (ctx: EvalContext, fn: number, ...refs: Value[]) => {
      const code = Math.trunc(fn);
      const name = SUBTOTAL_NAMES[(code > 100 ? code - 100 : code) - 1];
      if (!name || (code > 11 && code < 101)) return Errors.VALUE;
      const skip = { nested: true, errors: false, hidden: code > 100 };
      return run(ctx, name, refs.map((r) => filtered(ctx, r, skip)));
    },
  },
  {
    name: "AGGREGATE",
    minArgs: 3,
    maxArgs: 255,
    args: ["number", "number", "any"],
    impl: (ctx: EvalContext, fn: number, options: number, ...rest: Value[]) => {
      const code = Math.trunc(fn);
      const option = Math.trunc(options);
      const name = AGGREGATE_NAMES[code - 1];
      if (!name || option < 0 || option > 7) return Errors.VALUE;
      const skip = { nested: option <= 3, errors: option === 2 || option === 3 || option === 6 || option === 7, hidden: option % 2 === 1 };
      if (code >= FIRST_ARRAY_FORM) {
        const [array, k] = rest;
        if (array === undefined || k === undefined) return Errors.VALUE;
        const kValue = scalarOrGrid(ctx, k);
        const kNumber = toNumber(Array.isArray(kValue) ? (kValue[0]?.[0] ?? null) : kValue);
        if (kNumber instanceof ExcelError) return kNumber;
        return run(ctx, name, [filtered(ctx, array, skip), kNumber]);
      }
      return run(ctx, name, rest.map((r) => filtered(ctx, r, skip)));
    },
  },
];
