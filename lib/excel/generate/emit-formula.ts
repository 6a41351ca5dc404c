/**
 * Writes a formula syntax tree as TypeScript built from runtime/formula-builders.ts, e.g. the tree of
 * `PMT(B3/12,B4*12,-B2)` becomes `call("PMT", div(ref("B3"), 12), mul(ref("B4"), 12), neg(ref("B2")))`.
 */
import type { BinaryOperator, FormulaNode, RefNode } from "@/lib/excel/formula/ast";
import { columnToLetters, formatCellAddress } from "@/lib/excel/formula/references";
import { ExcelError, type Scalar } from "@/lib/excel/values";

const BINARY_BUILDERS: Record<BinaryOperator, string> = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "div",
  "^": "pow",
  "&": "concat",
  "=": "eq",
  "<>": "ne",
  "<": "lt",
  ">": "gt",
  "<=": "le",
  ">=": "ge",
};

/** The builders an emitted expression may call (what model.ts imports). */
export const BUILDER_NAMES = [
  ...Object.values(BINARY_BUILDERS),
  ...["literal", "ref", "call", "invoke", "name", "structured", "err", "array", "external", "missing", "neg", "plus", "single"],
  ...["percent", "range", "intersect", "union", "spill"],
] as const;

const str = (text: string): string => JSON.stringify(text);

function emitAddress(node: RefNode): string {
  if (node.kind === "cell") return formatCellAddress(node.top, node.left);
  if (node.kind === "cols") return `${columnToLetters(node.left)}:${columnToLetters(node.right)}`;
  if (node.kind === "rows") return `${node.top + 1}:${node.bottom + 1}`;
  return `${formatCellAddress(node.top, node.left)}:${formatCellAddress(node.bottom, node.right)}`;
}

function emitRef(node: RefNode): string {
  const args = [str(emitAddress(node))];
  if (node.sheet !== undefined || node.sheetEnd !== undefined) args.push(node.sheet === undefined ? "undefined" : str(node.sheet));
  if (node.sheetEnd !== undefined) args.push(str(node.sheetEnd));
  return `ref(${args.join(", ")})`;
}

function emitScalar(value: Scalar): string {
  if (value instanceof ExcelError) return `ExcelError.of(${str(value.code)})`;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  return value === null ? "null" : JSON.stringify(value);
}

/** Numbers, strings and booleans are written as plain literals (the builders lift them). */
function emitOperand(node: FormulaNode): string {
  if (node.type === "number") return Object.is(node.value, -0) ? emitNode(node) : String(node.value);
  if (node.type === "string") return str(node.value);
  if (node.type === "boolean") return String(node.value);
  return emitNode(node);
}

/** An expression that evaluates to the node itself (operands in builder arguments may be literals). */
function emitNode(node: FormulaNode): string {
  switch (node.type) {
    case "number":
    case "string":
    case "boolean":
      return `literal(${emitScalar(node.value)})`;
    case "error":
      return `err(${str(node.code)})`;
    case "missing":
      return "missing";
    case "array":
      return `array([${node.rows.map((row) => `[${row.map(emitScalar).join(", ")}]`).join(", ")}])`;
    case "ref":
      return emitRef(node);
    case "structured": {
      const args = [node.table === undefined ? "undefined" : str(node.table), `[${node.specials.map(str).join(", ")}]`];
      if (node.firstColumn !== undefined || node.lastColumn !== undefined) {
        args.push(node.firstColumn === undefined ? "undefined" : str(node.firstColumn));
        if (node.lastColumn !== undefined) args.push(str(node.lastColumn));
      }
      return `structured(${args.join(", ")})`;
    }
    case "name":
      return node.sheet === undefined ? `name(${str(node.name)})` : `name(${str(node.name)}, ${str(node.sheet)})`;
    case "external":
      return `external(${str(node.text)})`;
    case "call":
      return `call(${[str(node.name), ...node.args.map(emitOperand)].join(", ")})`;
    case "invoke":
      return `invoke(${[emitNode(node.callee), ...node.args.map(emitOperand)].join(", ")})`;
    case "unary":
      return `${node.op === "-" ? "neg" : node.op === "+" ? "plus" : "single"}(${emitOperand(node.arg)})`;
    case "percent":
      return `percent(${emitOperand(node.arg)})`;
    case "binary":
      return `${BINARY_BUILDERS[node.op]}(${emitOperand(node.left)}, ${emitOperand(node.right)})`;
    case "range":
    case "intersect":
      return `${node.type}(${emitNode(node.left)}, ${emitNode(node.right)})`;
    case "union":
      return `union(${node.items.map(emitNode).join(", ")})`;
    case "spill":
      return `spill(${emitNode(node.ref)})`;
  }
}

export function emitFormula(node: FormulaNode): string {
  return emitNode(node);
}
