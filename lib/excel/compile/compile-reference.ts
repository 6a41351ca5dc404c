/** Compiles reference syntax: A1 references, 3-D references, structured references, `A1#`, `:`, ` ` and `,`. */
import { type CompileContext, type CompileMode, type NodeCompiler, type TableInfo } from "@/lib/excel/compile/compile-context";
import { deref, derefReference } from "@/lib/excel/compile/deref";
import type { EvalFn, SheetStore } from "@/lib/excel/engine/cell";
import type { Runtime } from "@/lib/excel/engine/runtime";
import type { FormulaNode, RefNode, StructuredNode } from "@/lib/excel/formula/ast";
import { type Area, Errors, ExcelError, isReference, type ReferenceValue, type Value } from "@/lib/excel/values";

function constant(v: Value): EvalFn {
  return () => v;
}

function registerDep(ctx: CompileContext, store: SheetStore, top: number, left: number, bottom: number, right: number): void {
  ctx.collector.deps.push({ sheet: store, top, left, bottom, right });
}

function referenceOf(ctx: CompileContext, areas: readonly { store: SheetStore; bounds: Omit<Area, "sheet"> }[]): ReferenceValue {
  return {
    kind: "reference",
    areas: areas.map(({ store, bounds }) => ctx.host.internArea(store, bounds.top, bounds.left, bounds.bottom, bounds.right)),
  };
}

// Closures are made by these small factories so each captures only what it reads (one formula cell
// holds several; capturing the compile context too would keep it alive per cell).
function readCellFn(rt: Runtime, store: SheetStore, row: number, col: number): EvalFn {
  return () => rt.readCell(store, row, col);
}

function readAreaFn(rt: Runtime, ref: ReferenceValue): EvalFn {
  return () => derefReference(rt, ref, true);
}

/** A reference to known areas, with its dependencies registered. */
export function compileAreas(ctx: CompileContext, areas: { store: SheetStore; bounds: Omit<Area, "sheet"> }[], mode: CompileMode): EvalFn {
  const only = areas[0];
  if (mode === "ref" || areas.length !== 1 || !only || ctx.arrayCtx) {
    for (const { store, bounds } of areas) registerDep(ctx, store, bounds.top, bounds.left, bounds.bottom, bounds.right);
  }
  if (mode === "ref") return constant(referenceOf(ctx, areas));
  if (areas.length !== 1 || !only) return constant(Errors.VALUE);
  const { store, bounds } = only;
  const { top, left, bottom, right } = bounds;
  if (!ctx.arrayCtx || (top === bottom && left === right)) {
    // Implicit intersection is known at compile time: the formula depends on one cell only.
    let row = top;
    let col = left;
    if (top !== bottom || left !== right) {
      if (left === right && ctx.row >= top && ctx.row <= bottom) row = ctx.row;
      else if (top === bottom && ctx.col >= left && ctx.col <= right) col = ctx.col;
      else return constant(Errors.VALUE);
    }
    registerDep(ctx, store, row, col, row, col);
    return readCellFn(ctx.host.rt, store, row, col);
  }
  return readAreaFn(ctx.host.rt, referenceOf(ctx, areas));
}

function sheetsOf(ctx: CompileContext, node: RefNode): SheetStore[] | undefined {
  const rt = ctx.host.rt;
  if (node.sheet === undefined) return [ctx.sheet];
  const first = rt.sheetByName(node.sheet);
  if (!first) return undefined;
  if (node.sheetEnd === undefined) return [first];
  const last = rt.sheetByName(node.sheetEnd);
  if (!last) return undefined;
  const [from, to] = first.index <= last.index ? [first.index, last.index] : [last.index, first.index];
  return rt.sheets.slice(from, to + 1);
}

export function compileRef(node: RefNode, ctx: CompileContext, mode: CompileMode): EvalFn {
  const stores = sheetsOf(ctx, node);
  if (!stores) return constant(Errors.REF);
  const bounds = { top: node.top, left: node.left, bottom: node.bottom, right: node.right };
  return compileAreas(ctx, stores.map((store) => ({ store, bounds })), mode);
}

function columnIndex(table: TableInfo, name: string | undefined): number {
  if (name === undefined) return -1;
  const upper = name.trim().toUpperCase();
  return table.columns.findIndex((c) => c.trim().toUpperCase() === upper);
}

/** Rows of a table selected by the special items of a structured reference; undefined when invalid. */
function tableRows(table: TableInfo, node: StructuredNode, originRow: number): { top: number; bottom: number } | undefined {
  const dataTop = table.top + table.headerRows;
  const dataBottom = table.bottom - table.totalsRows;
  const has = (s: string): boolean => node.specials.includes(s as never);
  if (has("#This Row")) return originRow >= dataTop && originRow <= dataBottom ? { top: originRow, bottom: originRow } : undefined;
  if (has("#All")) return { top: table.top, bottom: table.bottom };
  const headers = has("#Headers");
  const totals = has("#Totals");
  const data = has("#Data") || (!headers && !totals);
  if (headers && table.headerRows === 0) return undefined;
  if (totals && table.totalsRows === 0) return undefined;
  const top = headers ? table.top : data ? dataTop : dataBottom + 1;
  const bottom = totals ? table.bottom : data ? dataBottom : table.top;
  return { top, bottom };
}

export function compileStructured(node: StructuredNode, ctx: CompileContext, mode: CompileMode): EvalFn {
  const table = ctx.host.table(node.table, ctx.sheet, ctx.row, ctx.col);
  if (!table) return constant(Errors.REF);
  const rows = tableRows(table, node, ctx.row);
  if (!rows) return constant(Errors.VALUE);
  let left = table.left;
  let right = table.right;
  if (node.firstColumn !== undefined) {
    const a = columnIndex(table, node.firstColumn);
    const b = columnIndex(table, node.lastColumn);
    if (a < 0 || b < 0) return constant(Errors.REF);
    left = table.left + Math.min(a, b);
    right = table.left + Math.max(a, b);
  }
  return compileAreas(ctx, [{ store: table.sheet, bounds: { top: rows.top, left, bottom: rows.bottom, right } }], mode);
}

/** `A1#`: the current spill area of the formula in A1. */
export function compileSpill(node: FormulaNode, ctx: CompileContext, mode: CompileMode): EvalFn {
  if (node.type !== "ref" || node.kind !== "cell") return constant(Errors.REF);
  const store = node.sheet === undefined ? ctx.sheet : ctx.host.rt.sheetByName(node.sheet);
  if (!store) return constant(Errors.REF);
  const rt = ctx.host.rt;
  const { top: row, left: col } = node;
  registerDep(ctx, store, row, col, row, col);
  const arrayCtx = ctx.arrayCtx;
  return () => {
    rt.readCell(store, row, col);
    const anchor = store.get(row, col);
    if (!anchor?.formula) return Errors.REF;
    const area = anchor.spill ?? { top: row, left: col, bottom: row, right: col };
    const ref: ReferenceValue = { kind: "reference", areas: [{ sheet: store.name, ...area }] };
    return mode === "ref" ? ref : derefReference(rt, ref, arrayCtx);
  };
}

function asAreas(v: Value): readonly Area[] | ExcelError {
  if (v instanceof ExcelError) return v;
  return isReference(v) ? v.areas : Errors.VALUE;
}

type AreaCombiner = (a: readonly Area[], b: readonly Area[]) => readonly Area[] | ExcelError;

const rangeOf: AreaCombiner = (a, b) => {
  const all = [...a, ...b];
  const sheet = all[0]?.sheet;
  if (!sheet || all.some((x) => x.sheet !== sheet)) return Errors.VALUE;
  return [
    {
      sheet,
      top: Math.min(...all.map((x) => x.top)),
      left: Math.min(...all.map((x) => x.left)),
      bottom: Math.max(...all.map((x) => x.bottom)),
      right: Math.max(...all.map((x) => x.right)),
    },
  ];
};

const intersectionOf: AreaCombiner = (a, b) => {
  const out: Area[] = [];
  for (const x of a) {
    for (const y of b) {
      if (x.sheet !== y.sheet) continue;
      const top = Math.max(x.top, y.top);
      const left = Math.max(x.left, y.left);
      const bottom = Math.min(x.bottom, y.bottom);
      const right = Math.min(x.right, y.right);
      if (top <= bottom && left <= right) out.push({ sheet: x.sheet, top, left, bottom, right });
    }
  }
  return out.length > 0 ? out : Errors.NULL;
};

/** The `:` (range) and ` ` (intersection) operators on computed references, and `,` (union). */
export function compileReferenceOperator(
  node: FormulaNode & { type: "range" | "intersect" | "union" },
  ctx: CompileContext,
  mode: CompileMode,
  compile: NodeCompiler,
): EvalFn {
  const rt = ctx.host.rt;
  const items = node.type === "union" ? node.items : [node.left, node.right];
  if (items.some((item) => item.type !== "ref")) ctx.collector.volatile = true;
  const fns = items.map((item) => compile(item, ctx, "ref"));
  const combine: AreaCombiner = node.type === "range" ? rangeOf : node.type === "intersect" ? intersectionOf : (a, b) => [...a, ...b];
  if (node.type === "range") {
    const [l, r] = items;
    if (l?.type === "ref" && r?.type === "ref") {
      const stores = sheetsOf(ctx, l);
      const store = stores?.[0];
      if (store) {
        const bounds = rangeOf([{ ...l, sheet: "" }], [{ ...r, sheet: "" }]);
        if (!(bounds instanceof ExcelError) && bounds[0]) registerDep(ctx, store, bounds[0].top, bounds[0].left, bounds[0].bottom, bounds[0].right);
      }
    }
  }
  const arrayCtx = ctx.arrayCtx;
  return () => {
    let areas: readonly Area[] | ExcelError = asAreas(fns[0]?.() ?? Errors.VALUE);
    for (let i = 1; i < fns.length && !(areas instanceof ExcelError); i++) {
      const next = asAreas((fns[i] as EvalFn)());
      areas = next instanceof ExcelError ? next : combine(areas, next);
    }
    if (areas instanceof ExcelError) return areas;
    const ref: ReferenceValue = { kind: "reference", areas };
    return mode === "ref" ? ref : deref(rt, ref, arrayCtx);
  };
}
