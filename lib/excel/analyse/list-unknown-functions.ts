/** Which functions a workbook calls that the engine does not implement (they evaluate to #NAME?). */
import { type FormulaNode, FormulaSyntaxError } from "@/lib/excel/formula/ast";
import { parseFormula } from "@/lib/excel/formula/parse-formula";
import { quoteSheetName } from "@/lib/excel/formula/references";
import { FUNCTIONS } from "@/lib/excel/functions/registry";
import type { FunctionSpec } from "@/lib/excel/functions/types";
import type { Workbook } from "@/lib/excel/workbook/model";

export interface UnknownFunctionUse {
  readonly name: string;
  /** Number of formulas (cells and defined names) calling it. */
  readonly count: number;
  /** Up to five places ("Sheet1!B2" or "name:Total"). */
  readonly examples: string[];
}

const SPECIAL_FORMS = new Set(["LET", "LAMBDA", "ISOMITTED", "SINGLE"]);

function collectCalls(node: FormulaNode, bound: ReadonlySet<string>, out: Set<string>): void {
  switch (node.type) {
    case "call": {
      let inner = bound;
      if (node.name === "LET" || node.name === "LAMBDA") {
        inner = new Set(bound);
        const params = node.name === "LET" ? node.args.filter((_, i) => i % 2 === 0 && i < node.args.length - 1) : node.args.slice(0, -1);
        for (const p of params) if (p.type === "name") (inner as Set<string>).add(p.name.toUpperCase());
      }
      if (!SPECIAL_FORMS.has(node.name) && !bound.has(node.name)) out.add(node.name);
      for (const arg of node.args) collectCalls(arg, inner, out);
      return;
    }
    case "invoke":
      collectCalls(node.callee, bound, out);
      for (const arg of node.args) collectCalls(arg, bound, out);
      return;
    case "unary":
    case "percent":
      collectCalls(node.arg, bound, out);
      return;
    case "binary":
    case "range":
    case "intersect":
      collectCalls(node.left, bound, out);
      collectCalls(node.right, bound, out);
      return;
    case "union":
      for (const item of node.items) collectCalls(item, bound, out);
      return;
    case "spill":
      collectCalls(node.ref, bound, out);
      return;
    default:
      return;
  }
}

export function listUnknownFunctions(workbook: Workbook, functions: ReadonlyMap<string, FunctionSpec> = FUNCTIONS): UnknownFunctionUse[] {
  const definedNames = new Set(workbook.names.map((n) => n.name.toUpperCase()));
  const uses = new Map<string, { count: number; examples: string[] }>();
  const visit = (formula: string, where: string): void => {
    let ast: FormulaNode;
    try {
      ast = parseFormula(formula);
    } catch (error) {
      if (error instanceof FormulaSyntaxError) return;
      throw error;
    }
    const calls = new Set<string>();
    collectCalls(ast, definedNames, calls);
    for (const name of calls) {
      if (functions.has(name)) continue;
      const use = uses.get(name) ?? { count: 0, examples: [] };
      use.count++;
      if (use.examples.length < 5) use.examples.push(where);
      uses.set(name, use);
    }
  };
  for (const sheet of workbook.sheets) {
    for (const [address, cell] of sheet.cells) if (cell.formula !== undefined) visit(cell.formula, `${quoteSheetName(sheet.name)}!${address}`);
  }
  for (const name of workbook.names) visit(name.formula, `name:${name.name}`);
  return [...uses].map(([name, use]) => ({ name, ...use })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
