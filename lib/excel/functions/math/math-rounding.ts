/**
 * Rounding functions. Excel rounds the decimal value it shows (15 significant digits), so
 * ROUND(2.675, 2) is 2.68 even though the double is slightly below 2.675.
 */
import { round15, toAtpNumber } from "@/lib/excel/coerce";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Scalar } from "@/lib/excel/values";

type Num = number | ExcelError;

/** n * 10^digits computed on the decimal representation (no binary drift). */
function shift(n: number, digits: number): number {
  const [mantissa, exponent = "0"] = String(n).split("e");
  return Number(`${mantissa}e${Number(exponent) + digits}`);
}

type Mode = "half" | "up" | "down";

export function roundTo(n: number, digits: number, mode: Mode = "half"): number {
  if (!Number.isFinite(n) || n === 0) return n;
  const d = Math.trunc(digits);
  const abs = round15(Math.abs(n));
  const scaled = round15(shift(abs, d));
  if (!Number.isFinite(scaled)) return n;
  const rounded = mode === "half" ? Math.floor(scaled + 0.5) : mode === "up" ? Math.ceil(scaled) : Math.floor(scaled);
  const result = shift(rounded, -d);
  return n < 0 ? -result : result;
}

/** Multiple of `step` nearest to n in the given rounding direction, free of binary drift. */
function toMultiple(n: number, step: number, fn: (q: number) => number): number {
  const result = fn(round15(n / step)) * step;
  return round15(result) || 0;
}

function roundSpec(name: string, mode: Mode): FunctionSpec {
  return {
    name,
    minArgs: 2,
    maxArgs: 2,
    args: ["number"],
    impl: (_ctx: EvalContext, n: number, digits: number) => roundTo(n, digits, mode),
  };
}

function halfAway(q: number): number {
  return Math.sign(q) * Math.floor(Math.abs(q) + 0.5);
}

function ceilingMath(n: number, significance = 1, mode = 0): Num {
  const sig = Math.abs(significance);
  if (sig === 0 || n === 0) return 0;
  if (n < 0 && mode !== 0) return -toMultiple(-n, sig, Math.ceil);
  return toMultiple(n, sig, Math.ceil);
}

function floorMath(n: number, significance = 1, mode = 0): Num {
  const sig = Math.abs(significance);
  if (sig === 0 || n === 0) return 0;
  if (n < 0 && mode !== 0) return -toMultiple(-n, sig, Math.floor);
  return toMultiple(n, sig, Math.floor);
}

function optionalSpec(name: string, max: number, fn: (...args: number[]) => Num): FunctionSpec {
  return { name, minArgs: 1, maxArgs: max, args: ["number"], impl: (_ctx: EvalContext, ...args: number[]) => fn(...args) };
}

export const mathRoundingFunctions: FunctionSpec[] = [
  roundSpec("ROUND", "half"),
  roundSpec("ROUNDUP", "up"),
  roundSpec("ROUNDDOWN", "down"),
  optionalSpec("TRUNC", 2, (n, digits = 0) => roundTo(n, digits ?? 0, "down")),
  {
    name: "MROUND",
    minArgs: 2,
    maxArgs: 2,
    args: ["scalar"],
    impl: (_ctx: EvalContext, value: Scalar, step: Scalar) => {
      const n = toAtpNumber(value);
      const multiple = toAtpNumber(step);
      if (n instanceof ExcelError) return n;
      if (multiple instanceof ExcelError) return multiple;
      if (multiple === 0 || n === 0) return 0;
      if (Math.sign(n) !== Math.sign(multiple)) return Errors.NUM;
      return toMultiple(n, multiple, halfAway);
    },
  },
  {
    name: "CEILING",
    minArgs: 2,
    maxArgs: 2,
    args: ["number"],
    impl: (_ctx: EvalContext, n: number, significance: number) => {
      if (n === 0 || significance === 0) return 0;
      if (n > 0 && significance < 0) return Errors.NUM;
      return toMultiple(n, significance, Math.ceil);
    },
  },
  {
    name: "FLOOR",
    minArgs: 2,
    maxArgs: 2,
    args: ["number"],
    impl: (_ctx: EvalContext, n: number, significance: number) => {
      if (n > 0 && significance < 0) return Errors.NUM;
      if (significance === 0) return n === 0 ? 0 : Errors.DIV0;
      if (n === 0) return 0;
      return toMultiple(n, significance, Math.floor);
    },
  },
  optionalSpec("CEILING.MATH", 3, ceilingMath),
  optionalSpec("FLOOR.MATH", 3, floorMath),
  optionalSpec("CEILING.PRECISE", 2, (n, s) => ceilingMath(n as number, s)),
  optionalSpec("ISO.CEILING", 2, (n, s) => ceilingMath(n as number, s)),
  optionalSpec("ECMA.CEILING", 2, (n, s) => ceilingMath(n as number, s)),
  optionalSpec("FLOOR.PRECISE", 2, (n, s) => floorMath(n as number, s)),
  optionalSpec("EVEN", 1, (n = 0) => {
    const up = Math.ceil(round15(Math.abs(n)) / 2) * 2;
    return n < 0 ? -up : up;
  }),
  optionalSpec("ODD", 1, (n = 0) => {
    const abs = round15(Math.abs(n));
    let up = Math.ceil(abs);
    if (up % 2 === 0) up += 1;
    return n < 0 ? -up : up;
  }),
];
