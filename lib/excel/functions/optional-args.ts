/**
 * Optional arguments whose omitted form (`F(a,,b)` or left off) means a default other than 0/FALSE.
 * Such parameters are declared as "scalar" (or "any") so a blank reaches the function uncoerced.
 */
import { toBoolean, toNumber } from "@/lib/excel/coerce";
import type { EvalContext } from "@/lib/excel/functions/types";
import { toGrid } from "@/lib/excel/functions/value-grid";
import { ExcelError, type Scalar, type Value } from "@/lib/excel/values";

export function optionalNumber(value: Scalar | undefined, fallback: number): number | ExcelError {
  return value === undefined || value === null ? fallback : toNumber(value);
}

export function optionalBoolean(value: Scalar | undefined, fallback: boolean): boolean | ExcelError {
  return value === undefined || value === null ? fallback : toBoolean(value);
}

/** Every element of a scalar/array/reference argument as numbers (CHOOSECOLS({1,3}), SORT's index list). */
export function numberList(ctx: EvalContext, value: Value): number[] | ExcelError {
  const grid = toGrid(ctx, value);
  if (grid instanceof ExcelError) return grid;
  const out: number[] = [];
  for (const row of grid) {
    for (const v of row) {
      const n = toNumber(v);
      if (n instanceof ExcelError) return n;
      out.push(n);
    }
  }
  return out;
}
