/** Information functions: IS*, ERROR.TYPE, TYPE, NA, N, T, SHEET(S), CELL and INFO basics. */
import { toNumber } from "@/lib/excel/coerce";
import { columnToLetters } from "@/lib/excel/formula/references";
import { scalarOrGrid } from "@/lib/excel/functions/collect";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, isArrayValue, isLambda, isReference, type Scalar, type Value } from "@/lib/excel/values";

function predicate(name: string, test: (v: Scalar) => boolean): FunctionSpec {
  return { name, minArgs: 1, maxArgs: 1, args: ["scalar"], impl: (_ctx: EvalContext, v: Scalar) => test(v) };
}

const ERROR_TYPE_NUMBERS: Record<string, number> = {
  "#NULL!": 1,
  "#DIV/0!": 2,
  "#VALUE!": 3,
  "#REF!": 4,
  "#NAME?": 5,
  "#NUM!": 6,
  "#N/A": 7,
  "#GETTING_DATA": 8,
  "#SPILL!": 9,
  "#CALC!": 14,
};

function typeOf(ctx: EvalContext, value: Value): number {
  if (isLambda(value)) return 128;
  if (isArrayValue(value)) return 64;
  const resolved = scalarOrGrid(ctx, value);
  if (Array.isArray(resolved)) return 64;
  if (resolved instanceof ExcelError) return 16;
  if (typeof resolved === "boolean") return 4;
  if (typeof resolved === "string") return 2;
  return 1;
}

/** ISEVEN/ISODD: numbers and numeric text; booleans are #VALUE!. */
function parity(v: Scalar, odd: boolean): boolean | ExcelError {
  if (typeof v === "boolean") return Errors.VALUE;
  const n = toNumber(v);
  if (n instanceof ExcelError) return n;
  return Math.abs(Math.trunc(n)) % 2 === (odd ? 1 : 0);
}

function sheetIndex(ctx: EvalContext, name: string): number | ExcelError {
  const index = ctx.sheetNames.findIndex((s) => s.toLowerCase() === name.toLowerCase());
  return index < 0 ? Errors.NA : index + 1;
}

/** CELL("filename") cannot know the saved path; formulas usually only take the sheet name after "]". */
const WORKBOOK_FILE_NAME = "Book1.xlsx";

function cellInfo(ctx: EvalContext, infoType: string, reference?: Value): Value {
  const area = reference !== undefined && isReference(reference) ? reference.areas[0] : undefined;
  if (reference !== undefined && !area) return Errors.VALUE;
  const sheet = area?.sheet ?? ctx.origin.sheet;
  const row = area?.top ?? ctx.origin.row;
  const col = area?.left ?? ctx.origin.col;
  const value = area ? (ctx.readAreaValues({ sheet, top: row, left: col, bottom: row, right: col })[0]?.[0] ?? null) : null;
  switch (infoType.toLowerCase()) {
    case "address":
      return `$${columnToLetters(col)}$${row + 1}`;
    case "row":
      return row + 1;
    case "col":
      return col + 1;
    case "contents":
      return value ?? 0;
    case "type":
      return value === null ? "b" : typeof value === "string" ? "l" : "v";
    case "sheet":
      return sheetIndex(ctx, sheet);
    case "filename":
      return `[${WORKBOOK_FILE_NAME}]${sheet}`;
    case "format":
      return "G";
    case "prefix":
      return typeof value === "string" ? "'" : "";
    case "protect":
      return 1;
    default:
      return Errors.VALUE;
  }
}

export const informationFunctions: FunctionSpec[] = [
  predicate("ISBLANK", (v) => v === null),
  predicate("ISERROR", (v) => v instanceof ExcelError),
  predicate("ISERR", (v) => v instanceof ExcelError && v !== Errors.NA),
  predicate("ISNA", (v) => v === Errors.NA),
  predicate("ISNUMBER", (v) => typeof v === "number"),
  predicate("ISTEXT", (v) => typeof v === "string"),
  predicate("ISNONTEXT", (v) => typeof v !== "string"),
  predicate("ISLOGICAL", (v) => typeof v === "boolean"),
  { name: "ISEVEN", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: (_ctx: EvalContext, v: Scalar) => parity(v, false) },
  { name: "ISODD", minArgs: 1, maxArgs: 1, args: ["scalar"], impl: (_ctx: EvalContext, v: Scalar) => parity(v, true) },
  { name: "ISREF", minArgs: 1, maxArgs: 1, args: ["any"], noLift: true, impl: (_ctx: EvalContext, v: Value) => isReference(v) },
  {
    name: "ISFORMULA",
    minArgs: 1,
    maxArgs: 1,
    args: ["any"],
    impl: (ctx: EvalContext, v: Value) => {
      const area = isReference(v) ? v.areas[0] : undefined;
      if (!area) return Errors.VALUE;
      return ctx.formulaAt(area.sheet, area.top, area.left) !== undefined;
    },
  },
  {
    name: "ERROR.TYPE",
    minArgs: 1,
    maxArgs: 1,
    args: ["scalar"],
    impl: (_ctx: EvalContext, v: Scalar) => (v instanceof ExcelError ? (ERROR_TYPE_NUMBERS[v.code] ?? Errors.NA) : Errors.NA),
  },
  { name: "TYPE", minArgs: 1, maxArgs: 1, args: ["any"], impl: (ctx: EvalContext, v: Value) => typeOf(ctx, v) },
  { name: "NA", minArgs: 0, maxArgs: 0, args: [], impl: () => Errors.NA },
  {
    name: "N",
    minArgs: 1,
    maxArgs: 1,
    args: ["scalar"],
    impl: (_ctx: EvalContext, v: Scalar) => (typeof v === "number" || v instanceof ExcelError ? v : v === true ? 1 : 0),
  },
  {
    name: "T",
    minArgs: 1,
    maxArgs: 1,
    args: ["scalar"],
    impl: (_ctx: EvalContext, v: Scalar) => (typeof v === "string" || v instanceof ExcelError ? v : ""),
  },
  {
    name: "SHEET",
    minArgs: 0,
    maxArgs: 1,
    args: ["any"],
    impl: (ctx: EvalContext, v?: Value) => {
      if (v === undefined) return sheetIndex(ctx, ctx.origin.sheet);
      if (isReference(v)) return sheetIndex(ctx, v.areas[0]?.sheet ?? "");
      if (v instanceof ExcelError) return v;
      return typeof v === "string" ? sheetIndex(ctx, v) : Errors.NA;
    },
  },
  {
    name: "SHEETS",
    minArgs: 0,
    maxArgs: 1,
    args: ["any"],
    impl: (ctx: EvalContext, v?: Value) => {
      if (v === undefined) return ctx.sheetNames.length;
      if (v instanceof ExcelError) return v;
      return isReference(v) ? new Set(v.areas.map((a) => a.sheet)).size : Errors.NA;
    },
  },
  {
    name: "CELL",
    minArgs: 1,
    maxArgs: 2,
    args: ["string", "any"],
    impl: (ctx: EvalContext, infoType: string, reference?: Value) => cellInfo(ctx, infoType, reference),
  },
  {
    name: "INFO",
    minArgs: 1,
    maxArgs: 1,
    args: ["string"],
    impl: (ctx: EvalContext, infoType: string) => {
      switch (infoType.toLowerCase()) {
        case "numfile":
          return ctx.sheetNames.length;
        case "recalc":
          return "Automatic";
        case "system":
          return "pcdos";
        case "release":
          return "16.0";
        default:
          return Errors.NA;
      }
    },
  },
];
