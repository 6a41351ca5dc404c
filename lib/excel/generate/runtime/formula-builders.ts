/**
 * Builders a generated model.ts writes its formulas with: each returns the formula syntax tree the
 * engine compiles, so `mul(ref("B3"), 12)` is exactly the formula `B3*12`. Copied into generated projects.
 */
import type { BinaryOperator, FormulaNode, StructuredSpecial } from "@/lib/excel/formula/ast";
import { MAX_COLS, MAX_ROWS, lettersToColumn, parseCellAddress } from "@/lib/excel/formula/references";
import type { ErrorCode, Scalar } from "@/lib/excel/values";

export type Expr = FormulaNode;
export type Operand = Expr | number | string | boolean;

/** A constant as a formula: `literal(5)` is the formula `5`. */
export function literal(operand: Operand): Expr {
  if (typeof operand === "number") return { type: "number", value: operand };
  if (typeof operand === "string") return { type: "string", value: operand };
  if (typeof operand === "boolean") return { type: "boolean", value: operand };
  return operand;
}

function rowIndex(text: string): number {
  const n = Number(text.replaceAll("$", ""));
  if (!Number.isInteger(n) || n < 1 || n > MAX_ROWS) throw new Error(`Bad row "${text}"`);
  return n - 1;
}

function cellIndex(text: string): { row: number; col: number } {
  const pos = parseCellAddress(text);
  if (!pos) throw new Error(`Bad cell address "${text}"`);
  return pos;
}

/** A reference: "B3" (cell), "B3:C4" (area), "A:C" (columns), "1:3" (rows); optionally on another sheet. */
export function ref(address: string, sheet?: string, sheetEnd?: string): Expr {
  const [first = "", last] = address.split(":");
  const base = { type: "ref" as const, sheet, sheetEnd };
  if (last === undefined) {
    const { row, col } = cellIndex(first);
    return { ...base, kind: "cell", top: row, left: col, bottom: row, right: col };
  }
  if (/^\$?[0-9]+$/.test(first)) return { ...base, kind: "rows", top: rowIndex(first), left: 0, bottom: rowIndex(last), right: MAX_COLS - 1 };
  if (/^\$?[A-Za-z]+$/.test(first)) {
    const left = lettersToColumn(first.replaceAll("$", "").toUpperCase());
    const right = lettersToColumn(last.replaceAll("$", "").toUpperCase());
    return { ...base, kind: "cols", top: 0, left, bottom: MAX_ROWS - 1, right };
  }
  const a = cellIndex(first);
  const b = cellIndex(last);
  return { ...base, kind: "area", top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function call(name: string, ...args: Operand[]): Expr {
  return { type: "call", name, args: args.map(literal) };
}

export function invoke(callee: Expr, ...args: Operand[]): Expr {
  return { type: "invoke", callee, args: args.map(literal) };
}

export function name(text: string, sheet?: string): Expr {
  return { type: "name", name: text, sheet };
}

export function structured(table: string | undefined, specials: StructuredSpecial[], firstColumn?: string, lastColumn?: string): Expr {
  return { type: "structured", table, specials, firstColumn, lastColumn };
}

export function err(code: ErrorCode): Expr {
  return { type: "error", code };
}

export function array(rows: Scalar[][]): Expr {
  return { type: "array", rows };
}

export function external(text: string): Expr {
  return { type: "external", text };
}

export const missing: Expr = { type: "missing" };

function binary(op: BinaryOperator): (left: Operand, right: Operand) => Expr {
  return (left, right) => ({ type: "binary", op, left: literal(left), right: literal(right) });
}

export const add = binary("+");
export const sub = binary("-");
export const mul = binary("*");
export const div = binary("/");
export const pow = binary("^");
export const concat = binary("&");
export const eq = binary("=");
export const ne = binary("<>");
export const lt = binary("<");
export const gt = binary(">");
export const le = binary("<=");
export const ge = binary(">=");

export const neg = (arg: Operand): Expr => ({ type: "unary", op: "-", arg: literal(arg) });
export const plus = (arg: Operand): Expr => ({ type: "unary", op: "+", arg: literal(arg) });
/** The `@` implicit-intersection operator. */
export const single = (arg: Operand): Expr => ({ type: "unary", op: "@", arg: literal(arg) });
export const percent = (arg: Operand): Expr => ({ type: "percent", arg: literal(arg) });
export const range = (left: Expr, right: Expr): Expr => ({ type: "range", left, right });
export const intersect = (left: Expr, right: Expr): Expr => ({ type: "intersect", left, right });
export const union = (...items: Expr[]): Expr => ({ type: "union", items });
/** The `#` spill operator: `spill(ref("A1"))` is `A1#`. */
export const spill = (of: Expr): Expr => ({ type: "spill", ref: of });
