/** Resolves defined names and tables for the compiler, and compiles a cell's formula text. */
import type { CompileHost, Collector, TableInfo } from "@/lib/excel/compile/compile-context";
import { compileNode } from "@/lib/excel/compile/compile-formula";
import type { Bounds, Cell, CompiledFormula, FormulaMode, SheetStore } from "@/lib/excel/engine/cell";
import { scanFormulaShape, sharesRefs, withRefs } from "@/lib/excel/engine/formula-shape";
import type { Runtime } from "@/lib/excel/engine/runtime";
import { type FormulaNode, FormulaSyntaxError } from "@/lib/excel/formula/ast";
import { externalValue } from "@/lib/excel/compile/external-value";
import { parseFormula } from "@/lib/excel/formula/parse-formula";
import { hasRelativeReference, shiftRelativeReferences } from "@/lib/excel/formula/shift-relative-references";
import { parseAreaAddress } from "@/lib/excel/formula/references";
import type { FunctionSpec } from "@/lib/excel/functions/types";
import type { Workbook } from "@/lib/excel/workbook/model";
import { type Area, Errors, type Value } from "@/lib/excel/values";

interface NameEntry {
  readonly formula: string;
  node: FormulaNode | null | undefined;
  /** Set for names with relative references: they are parsed per using position. */
  relative?: boolean;
}

export class EngineHost implements CompileHost {
  private readonly names = new Map<string, NameEntry>();
  private readonly tables = new Map<string, TableInfo>();
  private readonly astCache = new Map<string, FormulaNode | FormulaSyntaxError>();
  /** Per formula shape (see formula-shape.ts): the tree of its first text, or null when not shareable. */
  private readonly shapes = new Map<string, FormulaNode | null>();
  private readonly areas = new Map<string, Area>();
  private readonly externalBooks: NonNullable<Workbook["externalBooks"]>;

  constructor(
    readonly rt: Runtime,
    readonly functions: ReadonlyMap<string, FunctionSpec>,
    workbook: Pick<Workbook, "names" | "tables" | "externalBooks">,
  ) {
    this.externalBooks = workbook.externalBooks ?? [];
    for (const name of workbook.names) {
      const scope = name.scope === undefined ? -1 : (rt.sheetByName(name.scope)?.index ?? -2);
      if (scope === -2) continue;
      this.names.set(`${scope}:${name.name.toUpperCase()}`, { formula: name.formula, node: undefined });
    }
    for (const table of workbook.tables) {
      const store = rt.sheetByName(table.sheet);
      const area = parseAreaAddress(table.ref);
      if (!store || !area) continue;
      this.tables.set(table.name.toUpperCase(), {
        name: table.name,
        sheet: store,
        ...area,
        headerRows: table.headerRowCount,
        totalsRows: table.totalsRowCount,
        columns: table.columns,
      });
    }
  }

  parse(text: string): FormulaNode | FormulaSyntaxError {
    const shape = scanFormulaShape(text);
    if (shape.refs.length === 0) return this.parseText(text);
    const template = this.shapes.get(shape.key);
    if (template) return withRefs(template, shape.refs);
    if (template === null) return this.parseText(text);
    const ast = this.parseText(text);
    const shareable = !(ast instanceof FormulaSyntaxError) && sharesRefs(ast, shape.refs);
    this.shapes.set(shape.key, shareable ? ast : null);
    if (shareable) this.astCache.delete(text);
    return ast;
  }

  private parseText(text: string): FormulaNode | FormulaSyntaxError {
    let ast = this.astCache.get(text);
    if (ast === undefined) {
      try {
        ast = parseFormula(text);
      } catch (error) {
        if (!(error instanceof FormulaSyntaxError)) throw error;
        ast = error;
      }
      this.astCache.set(text, ast);
    }
    return ast;
  }

  externalValue(text: string): Value | undefined {
    return externalValue(this.externalBooks, text);
  }

  definedName(name: string, sheet: SheetStore, row = 0, col = 0): { node: FormulaNode; sheet: SheetStore } | undefined {
    const upper = name.toUpperCase();
    const entry = this.names.get(`${sheet.index}:${upper}`) ?? this.names.get(`-1:${upper}`);
    if (!entry) return undefined;
    entry.relative ??= hasRelativeReference(entry.formula);
    if (entry.relative && (row !== 0 || col !== 0)) {
      const parsed = this.parseText(shiftRelativeReferences(entry.formula, row, col));
      return { node: parsed instanceof FormulaSyntaxError ? { type: "error", code: "#NAME?" } : parsed, sheet };
    }
    if (entry.node === undefined) {
      const parsed = this.parse(entry.formula);
      entry.node = parsed instanceof FormulaSyntaxError ? null : parsed;
    }
    return { node: entry.node ?? { type: "error", code: "#NAME?" }, sheet };
  }

  internArea(sheet: SheetStore, top: number, left: number, bottom: number, right: number): Area {
    const key = `${sheet.index}:${top}:${left}:${bottom}:${right}`;
    let area = this.areas.get(key);
    if (!area) {
      area = { sheet: sheet.name, top, left, bottom, right };
      this.areas.set(key, area);
    }
    return area;
  }

  table(name: string | undefined, sheet: SheetStore, row: number, col: number): TableInfo | undefined {
    if (name !== undefined) return this.tables.get(name.toUpperCase());
    for (const table of this.tables.values()) {
      if (table.sheet === sheet && row >= table.top && row <= table.bottom && col >= table.left && col <= table.right) return table;
    }
    return undefined;
  }

  compileCell(cell: Cell, text: string, mode: FormulaMode, arrayArea: Bounds | undefined, ast = this.parse(text)): CompiledFormula {
    const collector: Collector = { deps: [], unknownFunctions: [], volatile: false, external: false };
    if (ast instanceof FormulaSyntaxError) {
      const error = Errors.NAME;
      return { text, fn: () => error, deps: [], volatile: false, mode, arrayArea, unknownFunctions: [], syntaxError: true, external: false };
    }
    const fn = compileNode(
      ast,
      { host: this, sheet: cell.sheet, row: cell.row, col: cell.col, arrayCtx: mode !== "legacy", scope: null, collector, nameDepth: 0 },
      "value",
    );
    return {
      text,
      fn,
      deps: collector.deps,
      volatile: collector.volatile,
      mode,
      arrayArea,
      unknownFunctions: collector.unknownFunctions,
      syntaxError: false,
      external: collector.external,
    };
  }

  /** INDIRECT and friends: evaluates reference text at a position, yielding a reference or an error. */
  evaluateReferenceText(text: string, origin: SheetStore, row: number, col: number): Value {
    const ast = this.parse(text.trim());
    if (ast instanceof FormulaSyntaxError) return Errors.REF;
    if (ast.type !== "ref" && ast.type !== "name" && ast.type !== "structured" && ast.type !== "range") return Errors.REF;
    const collector: Collector = { deps: [], unknownFunctions: [], volatile: false, external: false };
    const fn = compileNode(ast, { host: this, sheet: origin, row, col, arrayCtx: true, scope: null, collector, nameDepth: 0 }, "ref");
    const value = fn();
    return typeof value === "object" && value !== null && "kind" in value && value.kind === "reference" ? value : Errors.REF;
  }
}
