/** Arithmetic functions of the Math & Trig family (SUM, PRODUCT, POWER, MOD, FACT, COMBIN, GCD...). */
import { toAtpNumber, toNumber } from "@/lib/excel/coerce";
import { collectingSpec, collectNumbers, flattenValue, numResult } from "@/lib/excel/functions/collect";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, isReference, type Scalar, type Value } from "@/lib/excel/values";

type Num = number | ExcelError;

function aggregate(name: string, reduce: (numbers: number[]) => Num): FunctionSpec {
  return collectingSpec(name, collectNumbers, reduce);
}

function unary(name: string, fn: (n: number) => Num): FunctionSpec {
  return { name, minArgs: 1, maxArgs: 1, args: ["number"], impl: (_ctx: EvalContext, n: number) => fn(n) };
}

/** Analysis ToolPak functions: scalar arguments without booleans. */
function atp(name: string, arity: number, fn: (...args: number[]) => Num, extra: Partial<FunctionSpec> = {}): FunctionSpec {
  return {
    name,
    minArgs: arity,
    maxArgs: arity,
    args: ["scalar"],
    ...extra,
    impl: (_ctx: EvalContext, ...raw: Scalar[]) => {
      const args: number[] = [];
      for (const v of raw) {
        const n = toAtpNumber(v);
        if (n instanceof ExcelError) return n;
        args.push(n);
      }
      return fn(...args);
    },
  };
}

function binary(name: string, fn: (a: number, b: number) => Num): FunctionSpec {
  return { name, minArgs: 2, maxArgs: 2, args: ["number"], impl: (_ctx: EvalContext, a: number, b: number) => fn(a, b) };
}

export function factorial(n: number): number {
  let result = 1;
  for (let i = 2; i <= n; i++) result *= i;
  return result;
}

export function combin(n: number, k: number): number {
  const kk = Math.min(k, n - k);
  let result = 1;
  for (let i = 1; i <= kk; i++) result = (result * (n - kk + i)) / i;
  return Math.round(result);
}

export function power(base: number, exponent: number): Num {
  if (base === 0 && exponent === 0) return Errors.NUM;
  if (base === 0 && exponent < 0) return Errors.DIV0;
  if (base < 0 && !Number.isInteger(exponent)) {
    const inverse = 1 / exponent;
    if (Number.isInteger(inverse) && Math.abs(inverse) % 2 === 1) return -Math.pow(-base, exponent);
    return Errors.NUM;
  }
  return numResult(Math.pow(base, exponent));
}

export function excelMod(n: number, d: number): Num {
  if (d === 0) return Errors.DIV0;
  const result = n - d * Math.floor(n / d);
  if (result !== 0 && Math.abs(result - d) < Math.abs(d) * 1e-15) return 0;
  return result;
}

function toWhole(v: Scalar): number | ExcelError {
  if (v instanceof ExcelError) return v;
  if (typeof v === "boolean") return Errors.VALUE;
  const n = toNumber(v);
  if (n instanceof ExcelError) return n;
  return n < 0 || n >= 2 ** 53 ? Errors.NUM : Math.trunc(n);
}

/**
 * Whole numbers from GCD/LCM arguments: numeric text is coerced, booleans and other text are #VALUE!,
 * an empty single cell is skipped while empty cells of a larger range count as 0, an omitted
 * argument is #N/A, and no values at all is #VALUE!.
 */
function collectIntegers(ctx: EvalContext, args: Value[]): number[] | ExcelError {
  const out: number[] = [];
  for (const arg of args) {
    if (arg === null) return Errors.NA;
    const values = flattenValue(ctx, arg);
    const single = isReference(arg) && values.length === 1;
    for (const v of values) {
      if (v === null && single) continue;
      const n = toWhole(v ?? 0);
      if (n instanceof ExcelError) return n;
      out.push(n);
    }
  }
  return out.length === 0 ? Errors.VALUE : out;
}

function gcd2(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function integerAggregate(name: string, reduce: (numbers: number[]) => Num): FunctionSpec {
  return collectingSpec(name, collectIntegers, reduce);
}

export const mathBasicFunctions: FunctionSpec[] = [
  aggregate("SUM", (ns) => numResult(ns.reduce((a, b) => a + b, 0))),
  aggregate("PRODUCT", (ns) => (ns.length === 0 ? 0 : numResult(ns.reduce((a, b) => a * b, 1)))),
  aggregate("SUMSQ", (ns) => numResult(ns.reduce((a, b) => a + b * b, 0))),
  unary("ABS", Math.abs),
  unary("SIGN", (n) => Math.sign(n) || 0),
  unary("SQRT", (n) => (n < 0 ? Errors.NUM : Math.sqrt(n))),
  atp("SQRTPI", 1, (n) => (n < 0 ? Errors.NUM : Math.sqrt(n * Math.PI))),
  unary("EXP", (n) => numResult(Math.exp(n))),
  unary("LN", (n) => (n <= 0 ? Errors.NUM : Math.log(n))),
  unary("LOG10", (n) => (n <= 0 ? Errors.NUM : Math.log10(n))),
  {
    name: "LOG",
    minArgs: 1,
    maxArgs: 2,
    args: ["number"],
    impl: (_ctx: EvalContext, n: number, base = 10) => {
      if (n <= 0 || base <= 0) return Errors.NUM;
      if (base === 1) return Errors.DIV0;
      return base === 10 ? Math.log10(n) : Math.log(n) / Math.log(base);
    },
  },
  binary("POWER", power),
  { name: "PI", minArgs: 0, maxArgs: 0, args: [], impl: () => Math.PI },
  binary("MOD", excelMod),
  atp("QUOTIENT", 2, (n, d) => (d === 0 ? Errors.DIV0 : Math.trunc(n / d))),
  unary("INT", Math.floor),
  unary("FACT", (n) => (n < 0 ? Errors.NUM : numResult(factorial(Math.trunc(n))))),
  atp("FACTDOUBLE", 1, (n) => {
    const k = Math.trunc(n);
    if (k < -1) return Errors.NUM;
    let result = 1;
    for (let i = k; i > 1; i -= 2) result *= i;
    return numResult(result);
  }),
  binary("COMBIN", (n, k) => {
    const [nn, kk] = [Math.trunc(n), Math.trunc(k)];
    return nn < 0 || kk < 0 || nn < kk ? Errors.NUM : numResult(combin(nn, kk));
  }),
  binary("COMBINA", (n, k) => {
    const [nn, kk] = [Math.trunc(n), Math.trunc(k)];
    if (nn < 0 || kk < 0 || (nn === 0 && kk > 0)) return Errors.NUM;
    return nn === 0 ? 1 : numResult(combin(nn + kk - 1, kk));
  }),
  binary("PERMUT", (n, k) => {
    const [nn, kk] = [Math.trunc(n), Math.trunc(k)];
    if (nn <= 0 || kk < 0 || nn < kk) return Errors.NUM;
    let result = 1;
    for (let i = 0; i < kk; i++) result *= nn - i;
    return numResult(result);
  }),
  binary("PERMUTATIONA", (n, k) => {
    const [nn, kk] = [Math.trunc(n), Math.trunc(k)];
    return nn < 0 || kk < 0 ? Errors.NUM : numResult(Math.pow(nn, kk));
  }),
  integerAggregate("GCD", (ns) => ns.reduce(gcd2, 0)),
  integerAggregate("LCM", (ns) => {
    if (ns.includes(0)) return 0;
    const lcm = ns.reduce((a, b) => (a * b) / gcd2(a, b), 1);
    return lcm >= 2 ** 53 ? Errors.NUM : lcm;
  }),
  {
    name: "MULTINOMIAL",
    minArgs: 1,
    maxArgs: 255,
    args: ["any"],
    impl: (ctx: EvalContext, ...args: Value[]) => {
      const numbers: number[] = [];
      for (const arg of args) {
        for (const v of flattenValue(ctx, arg)) {
          if (v === null && isReference(arg)) continue;
          const n = toAtpNumber(v);
          if (n instanceof ExcelError) return n;
          numbers.push(n);
        }
      }
      let total = 0;
      let result = 1;
      for (const raw of numbers) {
        if (raw < 0) return Errors.NUM;
        const n = Math.trunc(raw);
        for (let i = 1; i <= n; i++) result = (result * (total + i)) / i;
        total += n;
      }
      return numResult(Math.round(result));
    },
  },
  {
    name: "SERIESSUM",
    minArgs: 4,
    maxArgs: 4,
    args: ["scalar", "scalar", "scalar", "any"],
    impl: (ctx: EvalContext, ...raw: [Scalar, Scalar, Scalar, Value]) => {
      const [x, n, m] = raw.slice(0, 3).map((v) => toAtpNumber(v as Scalar));
      for (const v of [x, n, m]) if (v instanceof ExcelError) return v;
      let sum = 0;
      let i = 0;
      for (const a of flattenValue(ctx, raw[3])) {
        if (a instanceof ExcelError) return a;
        if (typeof a !== "number") return Errors.VALUE;
        const term = power(x as number, (n as number) + i * (m as number));
        if (term instanceof ExcelError) return term;
        sum += a * term;
        i++;
      }
      return numResult(sum);
    },
  },
  { name: "RAND", minArgs: 0, maxArgs: 0, args: [], volatile: true, impl: (ctx: EvalContext) => ctx.random() },
  {
    name: "RANDBETWEEN",
    minArgs: 2,
    maxArgs: 2,
    args: ["scalar"],
    volatile: true,
    impl: (ctx: EvalContext, bottom: Scalar, top: Scalar) => {
      const low = toAtpNumber(bottom);
      const high = toAtpNumber(top);
      if (low instanceof ExcelError) return low;
      if (high instanceof ExcelError) return high;
      const lo = Math.ceil(low);
      const hi = Math.floor(high);
      if (lo > hi) return Errors.NUM;
      return lo + Math.floor(ctx.random() * (hi - lo + 1));
    },
  },
];
