/** BIN/OCT/DEC/HEX conversions (10-digit two's complement) and the BIT* functions. */
import { optionalNumber } from "@/lib/excel/functions/optional-args";
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

function formatBase(value: number, base: Base, places: Scalar | undefined): Value {
  const n = Math.trunc(value);
  if (n < -limit(base) || n >= limit(base)) return Errors.NUM;
  if (n < 0) return (base ** 10 + n).toString(base).toUpperCase();
  const text = n.toString(base).toUpperCase();
  if (places === undefined) return text;
  const p = optionalNumber(places, 0);
  if (p instanceof ExcelError) return p;
  const width = Math.trunc(p);
  if (width < text.length || width > 10) return Errors.NUM;
  return text.padStart(width, "0");
}

function baseSpecs(): FunctionSpec[] {
  const specs: FunctionSpec[] = [];
  const bases: Base[] = [2, 8, 16];
  for (const from of bases) {
    specs.push({
      name: `${NAMES[from]}2DEC`,
      minArgs: 1,
      maxArgs: 1,
      args: ["string"],
      impl: (_ctx: EvalContext, text: string) => parseBase(text.trim(), from),
    });
    for (const to of bases) {
      if (to === from) continue;
      specs.push({
        name: `${NAMES[from]}2${NAMES[to]}`,
        minArgs: 1,
        maxArgs: 2,
        args: ["string", "scalar"],
        impl: (_ctx: EvalContext, text: string, places?: Scalar) => {
          const value = parseBase(text.trim(), from);
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
      args: ["number", "scalar"],
      impl: (_ctx: EvalContext, n: number, places?: Scalar) => formatBase(n, to, places),
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
