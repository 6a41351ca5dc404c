/** Number-to-text and text-to-number functions: TEXT, FIXED, DOLLAR, VALUE, NUMBERVALUE, VALUETOTEXT, ARRAYTOTEXT. */
import { parseNumberText, toText } from "@/lib/excel/coerce";
import { toGrid } from "@/lib/excel/functions/collect";
import { roundTo } from "@/lib/excel/functions/math/math-rounding";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { formatValue } from "@/lib/excel/number-format";
import { Errors, ExcelError, type Scalar, type Value } from "@/lib/excel/values";

function groupThousands(text: string): string {
  const [intPart = "", fracPart] = text.split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fracPart === undefined ? grouped : `${grouped}.${fracPart}`;
}

function fixedText(n: number, decimals: number, commas: boolean): string | ExcelError {
  const d = Math.trunc(decimals);
  if (d > 127) return Errors.VALUE;
  const rounded = roundTo(Math.abs(n), d);
  const body = rounded.toFixed(Math.max(0, d));
  return (n < 0 && rounded !== 0 ? "-" : "") + (commas ? groupThousands(body) : body);
}

function valueToText(v: Scalar, strict: boolean): string {
  if (v instanceof ExcelError) return v.code;
  if (typeof v === "string") return strict ? `"${v.replaceAll('"', '""')}"` : v;
  return toText(v) as string;
}

function numberValue(text: string, decimalSep = ".", groupSep = ","): number | ExcelError {
  const dec = decimalSep[0] ?? ".";
  const grp = groupSep[0] ?? ",";
  if (dec === grp) return Errors.VALUE;
  let body = text.replace(/\s+/g, "");
  if (body === "") return 0;
  let percent = 0;
  while (body.endsWith("%")) {
    percent++;
    body = body.slice(0, -1);
  }
  const decIndex = body.indexOf(dec);
  if (decIndex >= 0 && body.indexOf(grp, decIndex) >= 0) return Errors.VALUE;
  const normalized = body.split(grp).join("").split(dec).join(".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalized)) return Errors.VALUE;
  return Number(normalized) / 100 ** percent;
}

export const textFormatFunctions: FunctionSpec[] = [
  {
    name: "TEXT",
    minArgs: 2,
    maxArgs: 2,
    args: ["scalar", "string"],
    impl: (_ctx: EvalContext, value: Scalar, format: string) => {
      if (value instanceof ExcelError) return value;
      let subject: number | string;
      if (value === null) subject = 0;
      // Logical values are formatted as the text TRUE/FALSE (by the text section, if any).
      else if (typeof value === "boolean") subject = value ? "TRUE" : "FALSE";
      else if (typeof value === "string") subject = parseNumberText(value) ?? value;
      else subject = value;
      return formatValue(subject, format) ?? Errors.VALUE;
    },
  },
  {
    name: "FIXED",
    minArgs: 1,
    maxArgs: 3,
    args: ["number", "number", "boolean"],
    impl: (_ctx: EvalContext, n: number, decimals = 2, noCommas = false) => fixedText(n, decimals, !noCommas),
  },
  {
    name: "DOLLAR",
    minArgs: 1,
    maxArgs: 2,
    args: ["number"],
    impl: (_ctx: EvalContext, n: number, decimals = 2) => {
      const text = fixedText(Math.abs(n), decimals, true);
      if (text instanceof ExcelError) return text;
      return n < 0 && roundTo(n, decimals) !== 0 ? `($${text})` : `$${text}`;
    },
  },
  {
    name: "VALUE",
    minArgs: 1,
    maxArgs: 1,
    args: ["scalar"],
    impl: (_ctx: EvalContext, v: Scalar) => {
      if (v instanceof ExcelError || typeof v === "number") return v;
      if (v === null) return 0;
      if (typeof v === "boolean") return Errors.VALUE;
      return parseNumberText(v) ?? Errors.VALUE;
    },
  },
  {
    name: "NUMBERVALUE",
    minArgs: 1,
    maxArgs: 3,
    args: ["string"],
    impl: (_ctx: EvalContext, text: string, decimalSep?: string, groupSep?: string) => numberValue(text, decimalSep, groupSep),
  },
  {
    name: "VALUETOTEXT",
    minArgs: 1,
    maxArgs: 2,
    args: ["scalar", "number"],
    impl: (_ctx: EvalContext, v: Scalar, format = 0) => (format === 0 || format === 1 ? valueToText(v, format === 1) : Errors.VALUE),
  },
  {
    name: "ARRAYTOTEXT",
    minArgs: 1,
    maxArgs: 2,
    args: ["any", "number"],
    impl: (ctx: EvalContext, array: Value, format = 0) => {
      if (format !== 0 && format !== 1) return Errors.VALUE;
      const grid = toGrid(ctx, array);
      if (grid instanceof ExcelError) return grid;
      if (format === 0) return grid.flat().map((v) => valueToText(v, false)).join(", ");
      return `{${grid.map((row) => row.map((v) => valueToText(v, true)).join(",")).join(";")}}`;
    },
  },
];
