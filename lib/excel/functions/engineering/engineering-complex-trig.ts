/**
 * The complex trigonometric and hyperbolic functions (IMTAN, IMSEC, IMCSC, IMCOT, IMSINH, IMCOSH,
 * IMSECH, IMCSCH). A reciprocal of zero is #NUM!, as for every IM* function whose result is not finite.
 */
import { mapped } from "@/lib/excel/functions/engineering/engineering-complex";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, type ExcelError } from "@/lib/excel/values";

type Pair = [number, number];

const sin = (a: number, b: number): Pair => [Math.sin(a) * Math.cosh(b), Math.cos(a) * Math.sinh(b)];
const cos = (a: number, b: number): Pair => [Math.cos(a) * Math.cosh(b), -Math.sin(a) * Math.sinh(b)];
const sinh = (a: number, b: number): Pair => [Math.sinh(a) * Math.cos(b), Math.cosh(a) * Math.sin(b)];
const cosh = (a: number, b: number): Pair => [Math.cosh(a) * Math.cos(b), Math.sinh(a) * Math.sin(b)];

function divide([a, b]: Pair, [c, d]: Pair): Pair | ExcelError {
  const denominator = c * c + d * d;
  if (denominator === 0) return Errors.NUM;
  return [(a * c + b * d) / denominator, (b * c - a * d) / denominator];
}

/** tan and cot through the double angle, which stays exact where sin/cos overflow (large imaginary parts). */
const tan = (a: number, b: number): Pair | ExcelError => divide([Math.sin(2 * a), Math.sinh(2 * b)], [Math.cos(2 * a) + Math.cosh(2 * b), 0]);
const cot = (a: number, b: number): Pair | ExcelError => divide([Math.sin(2 * a), -Math.sinh(2 * b)], [Math.cosh(2 * b) - Math.cos(2 * a), 0]);

const ratio = (top: (a: number, b: number) => Pair, bottom: (a: number, b: number) => Pair) => (a: number, b: number) => divide(top(a, b), bottom(a, b));
const one = (): Pair => [1, 0];

const unaryComplex = (name: string, fn: (a: number, b: number) => Pair | ExcelError): FunctionSpec => ({
  name,
  minArgs: 1,
  maxArgs: 1,
  args: ["scalar"],
  impl: mapped(fn),
});

export const complexTrigFunctions: FunctionSpec[] = withStrictNumbers([
  unaryComplex("IMTAN", tan),
  unaryComplex("IMCOT", cot),
  unaryComplex("IMSEC", ratio(one, cos)),
  unaryComplex("IMCSC", ratio(one, sin)),
  unaryComplex("IMSINH", sinh),
  unaryComplex("IMCOSH", cosh),
  unaryComplex("IMSECH", ratio(one, cosh)),
  unaryComplex("IMCSCH", ratio(one, sinh)),
]);
