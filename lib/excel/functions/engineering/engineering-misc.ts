/** DELTA, GESTEP and the error function family (ERF, ERFC, ERF.PRECISE, ERFC.PRECISE). */
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import type { Value } from "@/lib/excel/values";

/** erfc by its continued fraction (modified Lentz), accurate for x >= 2. */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (f * Math.sqrt(Math.PI));
}

/** erf by the positive-term series 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) / (1*3*...*(2n+1)). */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

export function erf(x: number): number {
  if (x < 0) return -erf(-x);
  return x < 2 ? erfSeries(x) : 1 - erfcContinuedFraction(x);
}

export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  return x < 2 ? 1 - erfSeries(x) : erfcContinuedFraction(x);
}

export const engineeringMiscFunctions: FunctionSpec[] = withStrictNumbers([
  { name: "DELTA", minArgs: 1, maxArgs: 2, args: ["number"], impl: (_ctx: EvalContext, a: number, b = 0): Value => (a === b ? 1 : 0) },
  { name: "GESTEP", minArgs: 1, maxArgs: 2, args: ["number"], impl: (_ctx: EvalContext, n: number, step = 0): Value => (n >= step ? 1 : 0) },
  {
    name: "ERF",
    minArgs: 1,
    maxArgs: 2,
    args: ["number"],
    impl: (_ctx: EvalContext, lower: number, upper?: number): Value => (upper === undefined ? erf(lower) : erf(upper) - erf(lower)),
  },
  { name: "ERF.PRECISE", minArgs: 1, maxArgs: 1, args: ["number"], impl: (_ctx: EvalContext, x: number): Value => erf(x) },
  { name: "ERFC", minArgs: 1, maxArgs: 1, args: ["number"], impl: (_ctx: EvalContext, x: number): Value => erfc(x) },
  { name: "ERFC.PRECISE", minArgs: 1, maxArgs: 1, args: ["number"], impl: (_ctx: EvalContext, x: number): Value => erfc(x) },
]);
