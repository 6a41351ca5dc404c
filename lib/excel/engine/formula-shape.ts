/**
 * Formula texts that differ only in their A1 cell and area references ("A1*B1+1", "A2*B2+1", the
 * filled-down formulas of a real workbook) share one parse: the text is split into its shape (every
 * other character, kept verbatim) and its references, and the syntax tree of the first text of a shape
 * serves the others with their references put in. The split mirrors scanReference's rules; a shape
 * whose tree does not hold exactly its references, in order, is never shared (see `sharesRefs`).
 */
import type { FormulaNode, RefNode } from "@/lib/excel/formula/ast";
import { MAX_COLS, MAX_ROWS } from "@/lib/excel/formula/references";

export interface ShapeRef {
  readonly kind: "cell" | "area";
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface FormulaShape {
  /** The text with each reference replaced by a marker of its kind. */
  readonly key: string;
  readonly refs: ShapeRef[];
}

const CELL_MARK = "\u0000";
const AREA_MARK = "\u0001";

/** Characters of an unquoted identifier run (names, functions, sheet names, references). */
function isRunChar(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 95 || // _
    code === 46 || // .
    code === 92 || // \
    code === 63 || // ?
    code === 36 || // $
    code >= 0xa1
  );
}

/** After a reference, these make the run something else: a call, a sheet name, a table. */
function endsReference(code: number): boolean {
  return code !== 40 && code !== 33 && code !== 91 && code !== 39; // ( ! [ '
}

/** Row and column of `$A$1`-style text in [start, end), or -1 when it is not a cell address. */
function cellAt(text: string, start: number, end: number): number {
  let i = start;
  if (text.charCodeAt(i) === 36) i++;
  let col = 0;
  let letters = 0;
  for (; i < end; i++, letters++) {
    const code = text.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  if (letters < 1 || letters > 3 || col > MAX_COLS) return -1;
  if (text.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < end; i++, digits++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    row = row * 10 + (code - 48);
  }
  if (digits < 1 || digits > 7 || row < 1 || row > MAX_ROWS) return -1;
  return (row - 1) * MAX_COLS + (col - 1);
}

function runEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && isRunChar(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past a quoted section starting at `start` (doubled quotes escape). */
function quotedEnd(text: string, start: number, quote: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text.charCodeAt(i) === quote) {
      if (text.charCodeAt(i + 1) !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return i;
}

function bracketEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 91) depth++;
    else if (code === 93 && --depth === 0) return i + 1;
  }
  return text.length;
}

export function scanFormulaShape(text: string): FormulaShape {
  const refs: ShapeRef[] = [];
  let key = "";
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 34 || code === 39) {
      i = quotedEnd(text, i, code);
      continue;
    }
    if (code === 91) {
      i = bracketEnd(text, i);
      continue;
    }
    if (!isRunChar(code)) {
      i++;
      continue;
    }
    const end = runEnd(text, i);
    const first = endsReference(text.charCodeAt(end)) ? cellAt(text, i, end) : -1;
    if (first < 0) {
      i = end;
      continue;
    }
    let last = first;
    let stop = end;
    if (text.charCodeAt(end) === 58) {
      const end2 = runEnd(text, end + 1);
      const second = end2 > end + 1 && endsReference(text.charCodeAt(end2)) ? cellAt(text, end + 1, end2) : -1;
      if (second >= 0) {
        last = second;
        stop = end2;
      }
    }
    const r1 = Math.floor(first / MAX_COLS);
    const c1 = first % MAX_COLS;
    const r2 = Math.floor(last / MAX_COLS);
    const c2 = last % MAX_COLS;
    const kind = stop === end ? "cell" : "area";
    refs.push({ kind, top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
    key += text.slice(copied, i) + (kind === "cell" ? CELL_MARK : AREA_MARK);
    copied = stop;
    i = stop;
  }
  return { key: key + text.slice(copied), refs };
}

function children(node: FormulaNode): readonly FormulaNode[] {
  switch (node.type) {
    case "call":
      return node.args;
    case "invoke":
      return [node.callee, ...node.args];
    case "unary":
    case "percent":
      return [node.arg];
    case "binary":
    case "range":
    case "intersect":
      return [node.left, node.right];
    case "union":
      return node.items;
    case "spill":
      return [node.ref];
    default:
      return [];
  }
}

function isShapeRef(node: FormulaNode): node is RefNode {
  return node.type === "ref" && (node.kind === "cell" || node.kind === "area");
}

function collectRefs(node: FormulaNode, out: RefNode[]): void {
  if (isShapeRef(node)) out.push(node);
  else for (const child of children(node)) collectRefs(child, out);
}

/** Whether the tree's cell and area references are exactly the shape's, in text order. */
export function sharesRefs(ast: FormulaNode, refs: readonly ShapeRef[]): boolean {
  const found: RefNode[] = [];
  collectRefs(ast, found);
  if (found.length !== refs.length) return false;
  return found.every((node, k) => {
    const ref = refs[k] as ShapeRef;
    return node.kind === ref.kind && node.top === ref.top && node.left === ref.left && node.bottom === ref.bottom && node.right === ref.right;
  });
}

/** A copy of `ast` (a tree that `sharesRefs` with some text of the same shape) holding `refs` instead. */
export function withRefs(ast: FormulaNode, refs: readonly ShapeRef[]): FormulaNode {
  let next = 0;
  const copy = (node: FormulaNode): FormulaNode => {
    switch (node.type) {
      case "ref": {
        if (!isShapeRef(node)) return node;
        const ref = refs[next++] as ShapeRef;
        return { type: "ref", sheet: node.sheet, sheetEnd: node.sheetEnd, kind: ref.kind, top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right };
      }
      case "call":
        return { type: "call", name: node.name, args: node.args.map(copy) };
      case "invoke": {
        const callee = copy(node.callee);
        return { type: "invoke", callee, args: node.args.map(copy) };
      }
      case "unary":
        return { type: "unary", op: node.op, arg: copy(node.arg) };
      case "percent":
        return { type: "percent", arg: copy(node.arg) };
      case "binary": {
        const left = copy(node.left);
        return { type: "binary", op: node.op, left, right: copy(node.right) };
      }
      case "range":
      case "intersect": {
        const left = copy(node.left);
        return { type: node.type, left, right: copy(node.right) };
      }
      case "union":
        return { type: "union", items: node.items.map(copy) };
      case "spill":
        return { type: "spill", ref: copy(node.ref) };
      default:
        return node;
    }
  };
  return copy(ast);
}
