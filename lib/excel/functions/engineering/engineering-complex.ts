/** COMPLEX and the IM* functions on complex numbers written as text ("3+4i", "-2j"). */
import { formatGeneral, toText } from "@/lib/excel/coerce";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, isArrayValue, isReference, type Scalar, type Value } from "@/lib/excel/values";

interface Complex {
  readonly re: number;
  readonly im: number;
  /** "" when the text had no imaginary unit. */
  readonly unit: "i" | "j" | "";
}

const NUMBER = "[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?";
const FULL = new RegExp(`^(${NUMBER})([+-](?:\\d+\\.?\\d*|\\.\\d+)?(?:[eE][+-]?\\d+)?)?([ij])?$`);

export function parseComplex(text: string): Complex | ExcelError {
  const t = text.trim();
  if (t === "") return { re: 0, im: 0, unit: "" };
  const pureImaginary = /^([+-]?)((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)?([ij])$/.exec(t);
  if (pureImaginary) {
    const magnitude = pureImaginary[2] === undefined ? 1 : Number(pureImaginary[2]);
    return { re: 0, im: pureImaginary[1] === "-" ? -magnitude : magnitude, unit: pureImaginary[3] as "i" | "j" };
  }
  const m = FULL.exec(t);
  if (!m) return Errors.NUM;
  const [, real, imaginary, unit] = m;
  if (imaginary === undefined) return unit === undefined ? { re: Number(real), im: 0, unit: "" } : { re: 0, im: Number(real), unit: unit as "i" | "j" };
  if (unit === undefined) return Errors.NUM;
  const im = imaginary === "+" ? 1 : imaginary === "-" ? -1 : Number(imaginary);
  return { re: Number(real), im, unit: unit as "i" | "j" };
}

export function formatComplex(re: number, im: number, unit: "i" | "j" | ""): Value {
  if (!Number.isFinite(re) || !Number.isFinite(im)) return Errors.NUM;
  const suffix = unit === "" ? "i" : unit;
  if (im === 0) return formatGeneral(re);
  const imText = im === 1 ? "" : im === -1 ? "-" : formatGeneral(im);
  if (re === 0) return `${imText}${suffix}`;
  return `${formatGeneral(re)}${im > 0 ? "+" : ""}${imText}${suffix}`;
}

function complex(_ctx: EvalContext, re: number, im: number, suffix?: string): Value {
  const unit = suffix === undefined || suffix === "" ? "i" : suffix;
  if (unit !== "i" && unit !== "j") return Errors.VALUE;
  return formatComplex(re, im, unit);
}

/** An inumber argument: text or a number; a logical value is #VALUE! (Excel's IM* functions refuse it). */
function complexArg(v: Scalar): Complex | ExcelError {
  if (typeof v === "boolean") return Errors.VALUE;
  const text = toText(v);
  return text instanceof ExcelError ? text : parseComplex(text);
}

function unary(fn: (z: Complex) => Value) {
  return (_ctx: EvalContext, v: Scalar): Value => {
    const z = complexArg(v);
    return z instanceof ExcelError ? z : fn(z);
  };
}

/** Every complex number among IMSUM/IMPRODUCT's arguments (ranges included); mixed i/j units are #VALUE!. */
function collect(ctx: EvalContext, args: Value[]): Complex[] | ExcelError {
  const out: Complex[] = [];
  const scalars: Scalar[] = [];
  for (const arg of args) {
    if (isReference(arg)) for (const area of arg.areas) scalars.push(...ctx.readAreaValues(area).flat());
    else if (isArrayValue(arg)) scalars.push(...arg.rows.flat());
    else if (typeof arg !== "object" || arg === null || arg instanceof ExcelError) scalars.push(arg);
    else return Errors.VALUE;
  }
  let unit: Complex["unit"] = "";
  for (const v of scalars) {
    const text = toText(v);
    if (text instanceof ExcelError) return text;
    const z = parseComplex(text);
    if (z instanceof ExcelError) return z;
    if (z.unit !== "" && unit !== "" && z.unit !== unit) return Errors.VALUE;
    if (z.unit !== "") unit = z.unit;
    out.push(z);
  }
  return out;
}

function fold(combine: (a: Complex, b: Complex) => [number, number]) {
  return (ctx: EvalContext, ...args: Value[]): Value => {
    const zs = collect(ctx, args);
    if (zs instanceof ExcelError) return zs;
    const unit = zs.find((z) => z.unit !== "")?.unit ?? "";
    const [first, ...rest] = zs;
    if (!first) return Errors.VALUE;
    let acc: Complex = first;
    for (const z of rest) {
      const [re, im] = combine(acc, z);
      acc = { re, im, unit };
    }
    return formatComplex(acc.re, acc.im, unit);
  };
}

function binary(fn: (a: Complex, b: Complex) => [number, number] | ExcelError) {
  return (_ctx: EvalContext, x: Scalar, y: Scalar): Value => {
    const a = complexArg(x);
    const b = complexArg(y);
    if (a instanceof ExcelError) return a;
    if (b instanceof ExcelError) return b;
    if (a.unit !== "" && b.unit !== "" && a.unit !== b.unit) return Errors.VALUE;
    const result = fn(a, b);
    return result instanceof ExcelError ? result : formatComplex(result[0], result[1], a.unit || b.unit);
  };
}

const multiply = (a: Complex, b: Complex): [number, number] => [a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re];

/** A unary complex function returning a complex number (IMSQRT, IMEXP, IMLN...). */
export function mapped(fn: (re: number, im: number) => [number, number] | ExcelError) {
  return unary((z) => {
    const result = fn(z.re, z.im);
    return result instanceof ExcelError ? result : formatComplex(result[0], result[1], z.unit);
  });
}

function polar(re: number, im: number): [modulus: number, angle: number] {
  return [Math.hypot(re, im), Math.atan2(im, re)];
}

function power(re: number, im: number, n: number): [number, number] | ExcelError {
  if (re === 0 && im === 0) return n > 0 ? [0, 0] : Errors.NUM;
  const [r, t] = polar(re, im);
  const modulus = r ** n;
  return [modulus * Math.cos(n * t), modulus * Math.sin(n * t)];
}

function logarithm(base: number) {
  return (re: number, im: number): [number, number] | ExcelError => {
    if (re === 0 && im === 0) return Errors.NUM;
    const [r, t] = polar(re, im);
    return [Math.log(r) / Math.log(base), t / Math.log(base)];
  };
}

export const complexFunctions: FunctionSpec[] = withStrictNumbers([
  { name: "COMPLEX", minArgs: 2, maxArgs: 3, args: ["number", "number", "string"], impl: complex },
  { name: "IMREAL", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: unary((z) => z.re) },
  { name: "IMAGINARY", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: unary((z) => z.im) },
  { name: "IMABS", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: unary((z) => Math.hypot(z.re, z.im)) },
  { name: "IMARGUMENT", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: unary((z) => (z.re === 0 && z.im === 0 ? Errors.DIV0 : Math.atan2(z.im, z.re))) },
  { name: "IMCONJUGATE", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: unary((z) => formatComplex(z.re, -z.im, z.unit)) },
  { name: "IMSQRT", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: mapped((re, im) => power(re, im, 0.5)) },
  {
    name: "IMPOWER",
    minArgs: 2,
    maxArgs: 2,
    args: ["scalar", "number"],
    impl: (_ctx: EvalContext, v: Scalar, n: number): Value => {
      const z = complexArg(v);
      if (z instanceof ExcelError) return z;
      const result = power(z.re, z.im, n);
      return result instanceof ExcelError ? result : formatComplex(result[0], result[1], z.unit);
    },
  },
  { name: "IMEXP", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: mapped((re, im) => [Math.exp(re) * Math.cos(im), Math.exp(re) * Math.sin(im)]) },
  { name: "IMLN", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: mapped(logarithm(Math.E)) },
  { name: "IMLOG10", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: mapped(logarithm(10)) },
  { name: "IMLOG2", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: mapped(logarithm(2)) },
  { name: "IMSIN", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: mapped((re, im) => [Math.sin(re) * Math.cosh(im), Math.cos(re) * Math.sinh(im)]) },
  { name: "IMCOS", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: mapped((re, im) => [Math.cos(re) * Math.cosh(im), -Math.sin(re) * Math.sinh(im)]) },
  { name: "IMSUM", minArgs: 1, maxArgs: 255, args: ["any"], noLift: true, impl: fold((a, b) => [a.re + b.re, a.im + b.im]) },
  { name: "IMPRODUCT", minArgs: 1, maxArgs: 255, args: ["any"], noLift: true, impl: fold(multiply) },
  { name: "IMSUB", minArgs: 2, maxArgs: 2, args: ["scalar"], impl: binary((a, b) => [a.re - b.re, a.im - b.im]) },
  {
    name: "IMDIV",
    minArgs: 2,
    maxArgs: 2,
    args: ["scalar"],
    impl: binary((a, b) => {
      const d = b.re * b.re + b.im * b.im;
      if (d === 0) return Errors.NUM;
      return [(a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d];
    }),
  },
]);
