/**
 * Functions that came from the Analysis ToolPak (EDATE, EOMONTH, WORKDAY, YEARFRAC, the bond and
 * engineering functions...) reject logical values where they expect numbers: EOMONTH(A1, TRUE) and
 * DEC2BIN(TRUE) are #VALUE! although TRUE coerces to 1 elsewhere. This wraps such specs so their
 * "number" parameters arrive uncoerced and are converted here.
 */
import { toNumber } from "@/lib/excel/coerce";
import type { ArgKind, EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Scalar, type Value } from "@/lib/excel/values";

export function strictNumber(value: Scalar): number | ExcelError {
  return typeof value === "boolean" ? Errors.VALUE : toNumber(value);
}

export function withStrictNumbers(specs: readonly FunctionSpec[]): FunctionSpec[] {
  return specs.map((spec) => {
    const strict = spec.args.map((kind) => kind === "number");
    const impl = spec.impl as (ctx: EvalContext, ...args: unknown[]) => Value;
    return {
      ...spec,
      args: spec.args.map((kind): ArgKind => (kind === "number" ? "scalar" : kind)),
      impl: (ctx: EvalContext, ...args: unknown[]): Value => {
        const converted = args.slice();
        for (let i = 0; i < converted.length; i++) {
          if (!strict[Math.min(i, strict.length - 1)] || converted[i] === undefined) continue;
          const n = strictNumber(converted[i] as Scalar);
          if (n instanceof ExcelError) return n;
          converted[i] = n;
        }
        return impl(ctx, ...converted);
      },
    };
  });
}
