/** The formula syntax tree produced by parse-formula.ts and consumed by the compiler. */
import type { ErrorCode, Scalar } from "@/lib/excel/values";

export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

/** A1 reference; 0-based bounds. Whole columns/rows carry full-sheet bounds. */
export interface RefNode {
  readonly type: "ref";
  /** Undefined means the formula's own sheet. */
  readonly sheet: string | undefined;
  /** Last sheet of a 3-D reference (Sheet1:Sheet3!A1). */
  readonly sheetEnd: string | undefined;
  readonly kind: "cell" | "area" | "cols" | "rows";
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type StructuredSpecial = "#All" | "#Data" | "#Headers" | "#Totals" | "#This Row";

export interface StructuredNode {
  readonly type: "structured";
  /** Undefined when written inside the table without its name (`[@Col]`). */
  readonly table: string | undefined;
  readonly specials: readonly StructuredSpecial[];
  readonly firstColumn: string | undefined;
  readonly lastColumn: string | undefined;
}

export type FormulaNode =
  | { readonly type: "number"; readonly value: number }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "error"; readonly code: ErrorCode }
  | { readonly type: "missing" }
  | { readonly type: "array"; readonly rows: Scalar[][] }
  | RefNode
  | StructuredNode
  | { readonly type: "name"; readonly name: string; readonly sheet: string | undefined }
  | { readonly type: "external"; readonly text: string }
  | { readonly type: "call"; readonly name: string; readonly args: FormulaNode[] }
  /** Calling a lambda-valued expression: `LAMBDA(x, x+1)(2)`. */
  | { readonly type: "invoke"; readonly callee: FormulaNode; readonly args: FormulaNode[] }
  | { readonly type: "unary"; readonly op: "-" | "+" | "@"; readonly arg: FormulaNode }
  | { readonly type: "percent"; readonly arg: FormulaNode }
  | { readonly type: "binary"; readonly op: BinaryOperator; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly type: "range"; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly type: "intersect"; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly type: "union"; readonly items: FormulaNode[] }
  | { readonly type: "spill"; readonly ref: FormulaNode };

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "FormulaSyntaxError";
  }
}
