/** Trigonometric and hyperbolic functions with Excel's domain errors. */
import { numResult } from "@/lib/excel/functions/collect";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, type ExcelError } from "@/lib/excel/values";

type Num = number | ExcelError;

/** Excel refuses trigonometric arguments of magnitude 2^27 or more. */
const TRIG_LIMIT = 134217728;

function unary(name: string, fn: (n: number) => Num): FunctionSpec {
  return { name, minArgs: 1, maxArgs: 1, args: ["number"], impl: (_ctx: EvalContext, n: number) => fn(n) };
}

function periodic(fn: (n: number) => Num): (n: number) => Num {
  return (n) => (Math.abs(n) >= TRIG_LIMIT ? Errors.NUM : fn(n));
}

function reciprocal(fn: (n: number) => number): (n: number) => Num {
  return (n) => {
    const value = fn(n);
    return value === 0 ? Errors.DIV0 : numResult(1 / value);
  };
}

export const mathTrigFunctions: FunctionSpec[] = [
  unary("SIN", periodic(Math.sin)),
  unary("COS", periodic(Math.cos)),
  unary("TAN", periodic(Math.tan)),
  unary("SEC", periodic(reciprocal(Math.cos))),
  unary("CSC", periodic((n) => (n === 0 ? Errors.DIV0 : 1 / Math.sin(n)))),
  unary("COT", periodic((n) => (n === 0 ? Errors.DIV0 : 1 / Math.tan(n)))),
  unary("ASIN", (n) => (Math.abs(n) > 1 ? Errors.NUM : Math.asin(n))),
  unary("ACOS", (n) => (Math.abs(n) > 1 ? Errors.NUM : Math.acos(n))),
  unary("ATAN", Math.atan),
  unary("ACOT", (n) => Math.PI / 2 - Math.atan(n)),
  unary("SINH", (n) => numResult(Math.sinh(n))),
  unary("COSH", (n) => numResult(Math.cosh(n))),
  unary("TANH", Math.tanh),
  unary("SECH", (n) => 1 / Math.cosh(n)),
  unary("CSCH", (n) => (n === 0 ? Errors.DIV0 : 1 / Math.sinh(n))),
  unary("COTH", (n) => (n === 0 ? Errors.DIV0 : 1 / Math.tanh(n))),
  unary("ASINH", Math.asinh),
  unary("ACOSH", (n) => (n < 1 ? Errors.NUM : Math.acosh(n))),
  unary("ATANH", (n) => (Math.abs(n) >= 1 ? Errors.NUM : Math.atanh(n))),
  unary("ACOTH", (n) => (Math.abs(n) <= 1 ? Errors.NUM : 0.5 * Math.log((n + 1) / (n - 1)))),
  unary("DEGREES", (n) => (n * 180) / Math.PI),
  unary("RADIANS", (n) => (n * Math.PI) / 180),
  {
    name: "ATAN2",
    minArgs: 2,
    maxArgs: 2,
    args: ["number"],
    impl: (_ctx: EvalContext, x: number, y: number) => (x === 0 && y === 0 ? Errors.DIV0 : Math.atan2(y, x)),
  },
];
