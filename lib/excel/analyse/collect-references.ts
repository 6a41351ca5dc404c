/** Walks a formula's syntax tree for what analysis needs: areas read, functions called, external links. */
import type { FormulaNode } from "@/lib/excel/formula/ast";

export interface ReadArea {
  /** Undefined: the formula's own sheet. */
  readonly sheet: string | undefined;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface FormulaFacts {
  readonly areas: ReadArea[];
  readonly names: { name: string; sheet: string | undefined }[];
  readonly tables: (string | undefined)[];
  readonly functions: Set<string>;
  external: boolean;
}

export function emptyFacts(): FormulaFacts {
  return { areas: [], names: [], tables: [], functions: new Set(), external: false };
}

export function collectReferences(node: FormulaNode, facts: FormulaFacts = emptyFacts()): FormulaFacts {
  switch (node.type) {
    case "ref":
      facts.areas.push({ sheet: node.sheet, top: node.top, left: node.left, bottom: node.bottom, right: node.right });
      break;
    case "name":
      facts.names.push({ name: node.name, sheet: node.sheet });
      break;
    case "structured":
      facts.tables.push(node.table);
      break;
    case "external":
      facts.external = true;
      break;
    case "call":
      facts.functions.add(node.name);
      for (const arg of node.args) collectReferences(arg, facts);
      break;
    case "invoke":
      collectReferences(node.callee, facts);
      for (const arg of node.args) collectReferences(arg, facts);
      break;
    case "unary":
    case "percent":
      collectReferences(node.arg, facts);
      break;
    case "binary":
    case "range":
    case "intersect":
      collectReferences(node.left, facts);
      collectReferences(node.right, facts);
      break;
    case "union":
      for (const item of node.items) collectReferences(item, facts);
      break;
    case "spill":
      collectReferences(node.ref, facts);
      break;
    default:
      break;
  }
  return facts;
}
