/** BIN/OCT/DEC/HEX conversions (10-digit two's complement) and the BIT* functions. */
import { toText } from "@/lib/excel/coerce";
import { strictNumber } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Scalar, type Value } from "@/lib/excel/values";

type Base = 2 | 8 | 16;

const DIGITS: Record<Base, RegExp> = { 2: /^[01]*$/, 8: /^[0-7]*$/, 16: /^[0-9a-f]*$/i };
const NAMES: Record<Base, string> = { 2: "BIN", 8: "OCT", 16: "HEX" };

/** Largest positive value each base may represent in 10 digits (the rest are negative). */
function limit(base: Base): number {
  return base ** 10 / 2;
}

function parseBase(text: string, base: Base): number | ExcelError {
  if (text.length > 10 || !DIGITS[base].test(text)) return Errors.NUM;
  if (text === "") return 0;
  const value = parseInt(text, base);
  return value >= limit(base) ? value - base ** 10 : value;
}

/** The digits of a BIN/OCT/HEX argument; logical values are #VALUE! (numbers are read as their digits). */
function digitsOf(value: Scalar): string | ExcelError {
  if (typeof value === "boolean") return Errors.VALUE;
  const text = toText(value);
  return text instanceof ExcelError ? text : text.trim();
}

function formatBase(value: number, base: Base, places: Scalar | undefined): Value {
  const n = Math.trunc(value);
  if (n < -limit(base) || n >= limit(base)) return Errors.NUM;
  const width = places === undefined ? undefined : strictNumber(places);
  if (width instanceof ExcelError) return width;
  const w = width === undefined ? undefined : Math.trunc(width);
  if (w !== undefined && (w < 1 || w > 10)) return Errors.NUM;
  if (n < 0) return (base ** 10 + n).toString(base).toUpperCase();
  const text = n.toString(base).toUpperCase();
  if (w === undefined) return text;
  if (w < text.length) return Errors.NUM;
  return text.padStart(w, "0");
}

function baseSpecs(): FunctionSpec[] {
  const specs: FunctionSpec[] = [];
  const bases: Base[] = [2, 8, 16];
  for (const from of bases) {
    specs.push({
      name: `${NAMES[from]}2DEC`,
      minArgs: 1,
      maxArgs: 1,
      args: ["scalar"],
      impl: (_ctx: EvalContext, input: Scalar) => {
        const text = digitsOf(input);
        return text instanceof ExcelError ? text : parseBase(text, from);
      },
    });
    for (const to of bases) {
      if (to === from) continue;
      specs.push({
        name: `${NAMES[from]}2${NAMES[to]}`,
        minArgs: 1,
        maxArgs: 2,
        args: ["scalar", "scalar"],
        impl: (_ctx: EvalContext, input: Scalar, places?: Scalar) => {
          const text = digitsOf(input);
          if (text instanceof ExcelError) return text;
          const value = parseBase(text, from);
          return value instanceof ExcelError ? value : formatBase(value, to, places);
        },
      });
    }
  }
  for (const to of bases) {
    specs.push({
      name: `DEC2${NAMES[to]}`,
      minArgs: 1,
      maxArgs: 2,
      args: ["scalar", "scalar"],
      impl: (_ctx: EvalContext, input: Scalar, places?: Scalar) => {
        const n = strictNumber(input);
        return n instanceof ExcelError ? n : formatBase(n, to, places);
      },
    });
  }
  return specs;
}

const BIT_LIMIT = 2 ** 48;

function bitOperand(n: number): bigint | ExcelError {
  if (!Number.isInteger(n) || n < 0 || n >= BIT_LIMIT) return Errors.NUM;
  return BigInt(n);
}

function bitwise(op: (a: bigint, b: bigint) => bigint) {
  return (_ctx: EvalContext, a: number, b: number): Value => {
    const x = bitOperand(a);
    const y = bitOperand(b);
    if (x instanceof ExcelError) return x;
    if (y instanceof ExcelError) return y;
    return Number(op(x, y));
  };
}

function shift(direction: 1 | -1) {
  return (_ctx: EvalContext, n: number, amount: number): Value => {
    const x = bitOperand(n);
    if (x instanceof ExcelError) return x;
    const s = Math.trunc(amount) * direction;
    if (Math.abs(s) > 53) return Errors.NUM;
    const result = s >= 0 ? x << BigInt(s) : x >> BigInt(-s);
    return result >= BigInt(BIT_LIMIT) ? Errors.NUM : Number(result);
  };
}

export const baseFunctions: FunctionSpec[] = [
  ...baseSpecs(),
  { name: "BITAND", minArgs: 2, maxArgs: 2, args: ["number"], impl: bitwise((a, b) => a & b) },
  { name: "BITOR", minArgs: 2, maxArgs: 2, args: ["number"], impl: bitwise((a, b) => a | b) },
  { name: "BITXOR", minArgs: 2, maxArgs: 2, args: ["number"], impl: bitwise((a, b) => a ^ b) },
  { name: "BITLSHIFT", minArgs: 2, maxArgs: 2, args: ["number"], impl: shift(1) },
  { name: "BITRSHIFT", minArgs: 2, maxArgs: 2, args: ["number"], impl: shift(-1) },
];
