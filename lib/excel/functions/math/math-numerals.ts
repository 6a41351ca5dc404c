/** Numeral systems: ROMAN (all five forms), ARABIC, BASE, DECIMAL. */
import { toNumber } from "@/lib/excel/coerce";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Scalar } from "@/lib/excel/values";

const ROMAN_CHARS = ["M", "D", "C", "L", "X", "V", "I"] as const;
const ROMAN_VALUES = [1000, 500, 100, 50, 10, 5, 1] as const;
const MAX_INDEX = ROMAN_VALUES.length - 1;

/** Roman numeral of 0..3999; forms 1-4 allow progressively wider subtractive pairs (499 -> ID in form 4). */
export function toRoman(value: number, form: number): string {
  let rest = value;
  let out = "";
  for (let i = 0; i <= MAX_INDEX / 2; i++) {
    let index = 2 * i;
    const unit = ROMAN_VALUES[index] as number;
    const digit = Math.floor(rest / unit);
    if (digit % 5 === 4) {
      const index2 = digit === 4 ? index - 1 : index - 2;
      const big = ROMAN_VALUES[index2] as number;
      for (let steps = 0; steps < form && index < MAX_INDEX; steps++) {
        if (big - (ROMAN_VALUES[index + 1] as number) > rest) break;
        index++;
      }
      out += (ROMAN_CHARS[index] as string) + (ROMAN_CHARS[index2] as string);
      rest = rest + (ROMAN_VALUES[index] as number) - big;
    } else {
      if (digit > 4) out += ROMAN_CHARS[index - 1] as string;
      out += (ROMAN_CHARS[index] as string).repeat(digit % 5);
      rest %= unit;
    }
  }
  return out;
}

const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

export function fromRoman(text: string): number | ExcelError {
  let body = text.trim().toUpperCase();
  if (body.length > 255) return Errors.VALUE;
  const negative = body.startsWith("-");
  if (negative) body = body.slice(1);
  let total = 0;
  for (let i = 0; i < body.length; i++) {
    const value = ROMAN_DIGITS[body[i] as string];
    if (value === undefined) return Errors.VALUE;
    const next = i + 1 < body.length ? ROMAN_DIGITS[body[i + 1] as string] ?? 0 : 0;
    total += value < next ? -value : value;
  }
  return negative ? -total : total;
}

function romanForm(form: Scalar | undefined): number | ExcelError {
  if (form === undefined || form === null || form === true) return 0;
  if (form === false) return 4;
  if (form instanceof ExcelError) return form;
  const n = toNumber(form);
  if (n instanceof ExcelError) return n;
  const f = Math.trunc(n);
  return f < 0 || f > 4 ? Errors.VALUE : f;
}

export const mathNumeralFunctions: FunctionSpec[] = [
  {
    name: "ROMAN",
    minArgs: 1,
    maxArgs: 2,
    args: ["number", "scalar"],
    impl: (_ctx: EvalContext, n: number, form?: Scalar) => {
      const f = romanForm(form);
      if (f instanceof ExcelError) return f;
      const value = Math.trunc(n);
      if (value < 0 || value > 3999) return Errors.VALUE;
      return toRoman(value, f);
    },
  },
  {
    name: "ARABIC",
    minArgs: 1,
    maxArgs: 1,
    args: ["string"],
    impl: (_ctx: EvalContext, text: string) => fromRoman(text),
  },
  {
    name: "BASE",
    minArgs: 2,
    maxArgs: 3,
    args: ["number"],
    impl: (_ctx: EvalContext, n: number, radix: number, minLength = 0) => {
      const value = Math.trunc(n);
      const r = Math.trunc(radix);
      const len = Math.trunc(minLength);
      if (value < 0 || value >= 2 ** 53 || r < 2 || r > 36 || len < 0 || len > 255) return Errors.NUM;
      return value.toString(r).toUpperCase().padStart(len, "0");
    },
  },
  {
    name: "DECIMAL",
    minArgs: 2,
    maxArgs: 2,
    args: ["string", "number"],
    impl: (_ctx: EvalContext, text: string, radix: number) => {
      const r = Math.trunc(radix);
      if (r < 2 || r > 36 || text.length > 255) return Errors.NUM;
      let total = 0;
      for (const ch of text.toLowerCase()) {
        const digit = parseInt(ch, 36);
        if (Number.isNaN(digit) || digit >= r) return Errors.NUM;
        total = total * r + digit;
      }
      return total >= 2 ** 53 ? Errors.NUM : total;
    },
  },
];
