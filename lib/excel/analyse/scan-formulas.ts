/**
 * Parses every formula once and records which cells formulas read (resolving defined names and table
 * references), which functions they call, and which touch unknown functions or other workbooks.
 */
import { collectReferences, emptyFacts, type FormulaFacts, type ReadArea } from "@/lib/excel/analyse/collect-references";
import { FormulaSyntaxError } from "@/lib/excel/formula/ast";
import { parseFormula } from "@/lib/excel/formula/parse-formula";
import { formatCellAddress, parseAreaAddress, parseCellAddress } from "@/lib/excel/formula/references";
import { FUNCTIONS } from "@/lib/excel/functions/registry";
import type { SheetModel, Workbook } from "@/lib/excel/workbook/model";

const SPECIAL_FORMS = new Set(["LET", "LAMBDA", "ISOMITTED", "SINGLE"]);
const MAX_NAME_DEPTH = 8;

export interface SheetArea extends ReadArea {
  readonly sheet: string;
}

export interface FormulaScan {
  /** "<Sheet>!<A1>" keys of every cell some formula reads through a one-cell reference. */
  readonly singleReads: Set<string>;
  /** Multi-cell areas formulas read (deduplicated, clipped to each sheet's used extent). */
  readonly areaReads: SheetArea[];
  /** Cells read through one-cell references, and formula cells inside areas formulas read. */
  readonly reads: Set<string>;
  readonly functions: Set<string>;
  readonly unknown: Map<string, string[]>;
  readonly external: string[];
  readonly syntaxErrors: string[];
  formulaCount: number;
}

function extentOf(sheet: SheetModel): { maxRow: number; maxCol: number } {
  let maxRow = -1;
  let maxCol = -1;
  for (const address of sheet.cells.keys()) {
    const pos = parseCellAddress(address);
    if (!pos) continue;
    if (pos.row > maxRow) maxRow = pos.row;
    if (pos.col > maxCol) maxCol = pos.col;
  }
  return { maxRow, maxCol };
}

const nameCache = new WeakMap<Workbook, Map<string, FormulaFacts>>();

function factsOfName(workbook: Workbook, name: string, scope: string, depth: number, into: FormulaFacts): void {
  const upper = name.toUpperCase();
  let cache = nameCache.get(workbook);
  if (!cache) nameCache.set(workbook, (cache = new Map()));
  const key = `${scope}!${upper}`;
  const cached = cache.get(key);
  if (cached) {
    into.areas.push(...cached.areas);
    for (const fn of cached.functions) into.functions.add(fn);
    into.tables.push(...cached.tables);
    return;
  }
  const own = emptyFacts();
  cache.set(key, own);
  resolveName(workbook, upper, scope, depth, own);
  into.areas.push(...own.areas);
  for (const fn of own.functions) into.functions.add(fn);
  into.tables.push(...own.tables);
}

function resolveName(workbook: Workbook, upper: string, scope: string, depth: number, into: FormulaFacts): void {
  const defined =
    workbook.names.find((n) => n.name.toUpperCase() === upper && n.scope === scope) ??
    workbook.names.find((n) => n.name.toUpperCase() === upper && n.scope === undefined);
  if (!defined || depth > MAX_NAME_DEPTH) return;
  let facts: FormulaFacts;
  try {
    facts = collectReferences(parseFormula(defined.formula));
  } catch {
    return;
  }
  for (const area of facts.areas) into.areas.push({ ...area, sheet: area.sheet ?? scope });
  for (const fn of facts.functions) into.functions.add(fn);
  into.tables.push(...facts.tables);
  for (const nested of facts.names) factsOfName(workbook, nested.name, nested.sheet ?? scope, depth + 1, into);
}

export function scanFormulas(workbook: Workbook): FormulaScan {
  const extents = new Map(workbook.sheets.map((s) => [s.name, extentOf(s)]));
  const scan: FormulaScan = {
    singleReads: new Set(),
    areaReads: [],
    reads: new Set(),
    functions: new Set(),
    unknown: new Map(),
    external: [],
    syntaxErrors: [],
    formulaCount: 0,
  };
  const seenAreas = new Set<string>();
  const definedNames = new Set(workbook.names.map((n) => n.name.toUpperCase()));
  for (const sheet of workbook.sheets) {
    for (const [address, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      scan.formulaCount++;
      const ref = `${sheet.name}!${address}`;
      let facts: FormulaFacts;
      try {
        facts = collectReferences(parseFormula(cell.formula));
      } catch (error) {
        if (!(error instanceof FormulaSyntaxError)) throw error;
        scan.syntaxErrors.push(ref);
        continue;
      }
      const names = emptyFacts();
      for (const { name, sheet: scope } of facts.names) factsOfName(workbook, name, scope ?? sheet.name, 0, names);
      const localNames = new Set(facts.names.map((n) => n.name.toUpperCase()));
      for (const fn of [...facts.functions, ...names.functions]) {
        scan.functions.add(fn);
        if (FUNCTIONS.has(fn) || SPECIAL_FORMS.has(fn) || definedNames.has(fn) || localNames.has(fn)) continue;
        scan.unknown.set(fn, [...(scan.unknown.get(fn) ?? []), ref]);
      }
      if (facts.external) scan.external.push(ref);
      const areas: SheetArea[] = [...facts.areas, ...names.areas].map((a) => ({ ...a, sheet: a.sheet ?? sheet.name }));
      for (const tableName of [...facts.tables, ...names.tables]) {
        const table = workbook.tables.find((t) => (tableName === undefined ? t.sheet === sheet.name : t.name.toUpperCase() === tableName.toUpperCase()));
        const bounds = table && parseAreaAddress(table.ref);
        if (table && bounds) areas.push({ sheet: table.sheet, ...bounds, top: bounds.top + table.headerRowCount });
      }
      for (const area of areas) {
        const extent = extents.get(area.sheet);
        if (!extent) continue;
        const clipped = { ...area, bottom: Math.min(area.bottom, extent.maxRow), right: Math.min(area.right, extent.maxCol) };
        if (clipped.bottom < clipped.top || clipped.right < clipped.left) continue;
        if (clipped.top === clipped.bottom && clipped.left === clipped.right) {
          const key = `${area.sheet}!${formatCellAddress(area.top, area.left)}`;
          scan.singleReads.add(key);
          scan.reads.add(key);
          continue;
        }
        const key = `${area.sheet}|${clipped.top}|${clipped.left}|${clipped.bottom}|${clipped.right}`;
        if (seenAreas.has(key)) continue;
        seenAreas.add(key);
        scan.areaReads.push(clipped);
      }
    }
  }
  markFormulaReads(workbook, scan.areaReads, scan.reads);
  return scan;
}

/** Formula cells inside the areas formulas read (not terminal results): merged row intervals per column. */
function markFormulaReads(workbook: Workbook, areas: readonly SheetArea[], reads: Set<string>): void {
  const intervals = new Map<string, [number, number][]>();
  for (const area of areas) {
    for (let c = area.left; c <= area.right; c++) {
      const key = `${area.sheet}\u0000${c}`;
      let list = intervals.get(key);
      if (!list) intervals.set(key, (list = []));
      list.push([area.top, area.bottom]);
    }
  }
  for (const [key, list] of intervals) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [top, bottom] of list) {
      const last = merged.at(-1);
      if (last && top <= last[1] + 1) last[1] = Math.max(last[1], bottom);
      else merged.push([top, bottom]);
    }
    intervals.set(key, merged);
  }
  for (const sheet of workbook.sheets) {
    for (const [address, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      const pos = parseCellAddress(address);
      const list = pos && intervals.get(`${sheet.name}\u0000${pos.col}`);
      if (!pos || !list) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid]?.[0] ?? 0) <= pos.row) lo = mid + 1;
        else hi = mid;
      }
      if ((list[lo - 1]?.[1] ?? -1) >= pos.row) reads.add(`${sheet.name}!${address}`);
    }
  }
}
