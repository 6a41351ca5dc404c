/** What the compiler needs from the engine, and the state carried while compiling one formula. */
import type { DepArea, EvalFn, SheetStore } from "@/lib/excel/engine/cell";
import type { Runtime } from "@/lib/excel/engine/runtime";
import type { FormulaNode } from "@/lib/excel/formula/ast";
import type { FunctionSpec } from "@/lib/excel/functions/types";
import type { Area, Value } from "@/lib/excel/values";

export interface TableInfo {
  readonly name: string;
  readonly sheet: SheetStore;
  /** Whole table including header and totals rows; 0-based inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly headerRows: number;
  readonly totalsRows: number;
  readonly columns: readonly string[];
}

export interface CompileHost {
  readonly rt: Runtime;
  readonly functions: ReadonlyMap<string, FunctionSpec>;
  /**
   * A defined name visible from `sheet` (sheet scope first, then workbook scope); its relative references
   * resolve against the using cell at `row`, `col`.
   */
  definedName(name: string, sheet: SheetStore, row?: number, col?: number): { node: FormulaNode; sheet: SheetStore } | undefined;
  /** The canonical area object for these bounds (one object per distinct area, so reads can be cached by identity). */
  internArea(sheet: SheetStore, top: number, left: number, bottom: number, right: number): Area;
  /** A table by name, or (name undefined) the table containing the position. */
  table(name: string | undefined, sheet: SheetStore, row: number, col: number): TableInfo | undefined;
  /** The value Excel cached for an external reference (`[1]Sheet!A1:B2`), if the file holds it. */
  externalValue?(text: string): Value | undefined;
}

/** Compile-time LET/LAMBDA scope: variable names (upper-case) in frame order. */
export interface Scope {
  readonly names: readonly string[];
  readonly parent: Scope | null;
}

export interface Collector {
  readonly deps: DepArea[];
  readonly unknownFunctions: string[];
  volatile: boolean;
  external: boolean;
}

export interface CompileContext {
  readonly host: CompileHost;
  readonly sheet: SheetStore;
  readonly row: number;
  readonly col: number;
  /** Array context: references and arrays stay whole (dynamic/array formulas, array-typed parameters). */
  readonly arrayCtx: boolean;
  readonly scope: Scope | null;
  readonly collector: Collector;
  readonly nameDepth: number;
}

/** "value": the closure yields scalars/arrays/lambdas; "ref": references are returned unevaluated. */
export type CompileMode = "value" | "ref";

export type NodeCompiler = (node: FormulaNode, ctx: CompileContext, mode: CompileMode) => EvalFn;

export function findVariable(scope: Scope | null, name: string): { depth: number; index: number } | undefined {
  const upper = name.toUpperCase();
  let depth = 0;
  for (let s = scope; s; s = s.parent, depth++) {
    const index = s.names.indexOf(upper);
    if (index >= 0) return { depth, index };
  }
  return undefined;
}
