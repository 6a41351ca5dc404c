/** PERCENTOF(data_subset, data_all): the sum of a subset over the sum of everything, read as SUM reads its arguments. */
import { collectNumbers } from "@/lib/excel/functions/collect";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Value } from "@/lib/excel/values";

function sumOf(ctx: EvalContext, value: Value): number | ExcelError {
  const numbers = collectNumbers(ctx, [value]);
  return numbers instanceof ExcelError ? numbers : numbers.reduce((a, b) => a + b, 0);
}

function percentOf(ctx: EvalContext, subset: Value, all: Value): Value {
  const part = sumOf(ctx, subset);
  if (part instanceof ExcelError) return part;
  const whole = sumOf(ctx, all);
  if (whole instanceof ExcelError) return whole;
  return whole === 0 ? Errors.DIV0 : part / whole;
}

export const percentOfFunctions: FunctionSpec[] = [{ name: "PERCENTOF", minArgs: 2, maxArgs: 2, args: ["any", "any"], impl: percentOf }];
